//! The WebAssembly binding (see the page issue): a thin layer over the core.
