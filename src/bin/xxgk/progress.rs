//! The progress bar: on a terminal only (standard error), never in a pipe or a log file.

#[cfg(not(target_arch = "wasm32"))]
pub use indicatif::ProgressBar as Bar;

#[cfg(not(target_arch = "wasm32"))]
pub fn bar(len: usize, hidden: bool) -> Bar {
    use indicatif::{ProgressDrawTarget, ProgressStyle};
    use std::io::IsTerminal;
    if hidden || !std::io::stderr().is_terminal() {
        return Bar::hidden();
    }
    let bar = Bar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} 份  {per_sec:.0}  已用 {elapsed}  剩余 {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// `cargo test --target wasm32-unknown-unknown` builds the binary too; it never runs there.
#[cfg(target_arch = "wasm32")]
pub struct Bar;

#[cfg(target_arch = "wasm32")]
impl Bar {
    pub fn inc(&self, _: u64) {}
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        f()
    }
    pub fn finish_and_clear(&self) {}
}

#[cfg(target_arch = "wasm32")]
pub fn bar(_: usize, _: bool) -> Bar {
    Bar
}
