//! A Rust panic must not leave a dead page: the hook records the message, the trap reaches
//! JavaScript as an exception, and the page reads [`last_panic`], shows a Chinese error and
//! rebuilds its session from the draft it keeps outside WebAssembly.

use std::sync::Mutex;

use wasm_bindgen::prelude::*;

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Installs the hook (done at start-up; public for tests, whose harness installs its own).
#[doc(hidden)]
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "（无说明）".to_string());
        let place = info.location().map(|l| format!(" ({}:{})", l.file(), l.line())).unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{message}{place}"));
        }
    }));
}

/// The message of the last panic, if any, and forgets it.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|mut last| last.take())
}

/// Panics on purpose, so that tests can check that the page survives a crash.
#[doc(hidden)]
#[wasm_bindgen(js_name = crashForTesting)]
pub fn crash_for_testing(message: &str) {
    panic!("{message}");
}
