//! The browser's Web Crypto, for the passphrase lock: PBKDF2-SHA256 to turn a passphrase into
//! keys, AES-256-GCM to seal and open values, HMAC-SHA256 to name sealed records.
//!
//! The derived keys are imported as non-extractable `CryptoKey`s; the raw bits are zeroed as
//! soon as they are imported, and nothing here is ever stored.

use std::future::Future;

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::state::lock::{Cipher, CryptoError};

/// The keys derived from a passphrase.
pub struct Keys {
    seal: CryptoKey,
    name: CryptoKey,
}

/// Bytes of nonce before each ciphertext.
const NONCE_BYTES: usize = 12;

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let crypto = web_sys::window()
        .ok_or(CryptoError::Unsupported)?
        .crypto()
        .map_err(|_| CryptoError::Unsupported)?;
    // `crypto.subtle` is missing on pages that are not a secure context.
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into())
        .ok()
        .filter(|s| !s.is_undefined())
        .ok_or(CryptoError::Unsupported)?;
    Ok(subtle.unchecked_into())
}

/// `n` random bytes from the browser's cryptographic random source.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .ok_or(CryptoError::Unsupported)?
        .crypto()
        .map_err(|_| CryptoError::Unsupported)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Unsupported)?;
    Ok(bytes)
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, CryptoError> {
    let promise = promise.map_err(|_| CryptoError::Unsupported)?;
    JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::DoesNotOpen)
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

fn bytes_of(buffer: JsValue) -> Vec<u8> {
    match buffer.dyn_into::<ArrayBuffer>() {
        Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
        Err(_) => Vec::new(),
    }
}

/// Derives the keys for `passphrase` (in Unicode normal form C) and `salt` (PBKDF2-SHA256,
/// `iterations` rounds, 512 bits: the first half for AES-256-GCM, the second for HMAC-SHA256).
pub async fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> Result<Keys, CryptoError> {
    let subtle = subtle()?;
    // The same letters typed on another device (an accent as one character or as two) give
    // the same key.
    let passphrase = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = settle(subtle.import_key_with_str(
        "raw",
        &secret,
        "PBKDF2",
        false,
        &usages(&["deriveBits"]),
    ))
    .await?;
    secret.fill(0, 0, secret.length());
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        iterations,
        &Uint8Array::from(salt),
    );
    let bits = settle(subtle.derive_bits_with_object(&params, &base.unchecked_into(), 512)).await?;
    let bits = Uint8Array::new(&bits.unchecked_into::<ArrayBuffer>());
    let seal_bits = bits.subarray(0, 32);
    let name_bits = bits.subarray(32, 64);
    let seal = settle(subtle.import_key_with_str(
        "raw",
        &seal_bits,
        "AES-GCM",
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await;
    let name = settle(subtle.import_key_with_object(
        "raw",
        &name_bits,
        &web_sys::HmacImportParams::new("HMAC", &"SHA-256".into()),
        false,
        &usages(&["sign"]),
    ))
    .await;
    bits.fill(0, 0, bits.length());
    Ok(Keys {
        seal: seal?.unchecked_into(),
        name: name?.unchecked_into(),
    })
}

/// Seals `plaintext`: a fresh random nonce, then the AES-256-GCM ciphertext and tag.
pub async fn seal(keys: &Keys, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let nonce = random_bytes(NONCE_BYTES)?;
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce.as_slice()));
    let data = Uint8Array::from(plaintext);
    let sealed =
        settle(subtle()?.encrypt_with_object_and_js_u8_array(&params, &keys.seal, &data)).await?;
    let mut out = nonce;
    out.extend(bytes_of(sealed));
    Ok(out)
}

/// Opens what [`seal`] made. Fails on the wrong key or on any change to the data.
pub async fn open(keys: &Keys, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < NONCE_BYTES {
        return Err(CryptoError::DoesNotOpen);
    }
    let (nonce, data) = sealed.split_at(NONCE_BYTES);
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    let data = Uint8Array::from(data);
    let opened =
        settle(subtle()?.decrypt_with_object_and_js_u8_array(&params, &keys.seal, &data)).await?;
    Ok(bytes_of(opened))
}

/// An opaque, stable name for `key`: the first 16 bytes of its HMAC, in hex.
pub async fn name(keys: &Keys, key: &str) -> Result<String, CryptoError> {
    let data = Uint8Array::from(key.as_bytes());
    let mac = settle(subtle()?.sign_with_str_and_js_u8_array("HMAC", &keys.name, &data)).await?;
    Ok(bytes_of(mac)
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Base64 text of `bytes` (the browser's `btoa`, over a byte string).
pub fn to_base64(bytes: &[u8]) -> String {
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    web_sys::window()
        .and_then(|w| w.btoa(&binary).ok())
        .unwrap_or_default()
}

/// The bytes of base64 text; `None` when it is not base64.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    let binary = web_sys::window()?.atob(text).ok()?;
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}

/// The browser's Web Crypto, as the lock's [`Cipher`].
pub struct WebCrypto;

impl Cipher for WebCrypto {
    type Keys = Keys;

    fn random_bytes(&self, n: usize) -> Result<Vec<u8>, CryptoError> {
        random_bytes(n)
    }

    fn derive(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> impl Future<Output = Result<Keys, CryptoError>> {
        derive(passphrase, salt, iterations)
    }

    fn seal(
        &self,
        keys: &Keys,
        plaintext: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CryptoError>> {
        seal(keys, plaintext)
    }

    fn open(
        &self,
        keys: &Keys,
        sealed: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CryptoError>> {
        open(keys, sealed)
    }

    fn name(&self, keys: &Keys, key: &str) -> impl Future<Output = Result<String, CryptoError>> {
        name(keys, key)
    }

    fn encode(&self, bytes: &[u8]) -> String {
        to_base64(bytes)
    }

    fn decode(&self, text: &str) -> Option<Vec<u8>> {
        from_base64(text)
    }
}
