//! The PDF object layer through `lopdf`: loading (with its xref repair and decryption of
//! documents whose user password is empty), the pages, what a page inherits from the page
//! tree, and content streams decompressed within one budget for the whole document.

use lopdf::{DecompressError, Dictionary, Document, Error, LoadOptions, Object, ObjectId, ParseError};

use super::{Limits, MAX_PAGES};
use crate::import::ImportError;

/// Deepest chain of `Parent` links followed for inherited page attributes.
const MAX_TREE_DEPTH: usize = 64;

/// Loads the document; refuses one that needs a password to open.
pub fn load(bytes: &[u8], limits: &Limits) -> Result<Document, ImportError> {
    let options = LoadOptions { max_decompressed_size: Some(limits.stream_bytes), filter: Some(without_image_data), ..LoadOptions::default() };
    let mut doc = Document::load_mem_with_options(bytes, options.clone()).map_err(|e| load_error(&e, limits))?;
    if doc.page_iter().next().is_none() {
        // lopdf repairs a broken cross-reference table only when loading without a filter.
        let options = LoadOptions { filter: None, ..options };
        doc = Document::load_mem_with_options(bytes, options).map_err(|e| load_error(&e, limits))?;
    }
    if doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none() {
        return Err(user_password_error());
    }
    Ok(doc)
}

/// Images are only counted (to tell a scan), never decoded: their data is not kept. (The
/// loader keeps the filtered object in place; what the filter returns counts only for objects
/// of object streams, which are never streams.)
fn without_image_data(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    match object {
        Object::Stream(stream) => {
            if stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image") {
                stream.content = Vec::new();
                stream.dict.set("Length", 0);
            }
            Some((id, Object::Null))
        }
        other => Some((id, other.clone())),
    }
}

fn user_password_error() -> ImportError {
    ImportError::new(
        "这份 PDF 设置了打开密码（用户密码），不输入密码无法读取其中的文字。请用 PDF 阅读器输入密码打开后，\
         另存一份不加打开密码的 PDF（或导入报告的 Word 文档）再导入",
    )
}

fn load_error(error: &Error, limits: &Limits) -> ImportError {
    match error {
        Error::InvalidPassword | Error::Decryption(_) => user_password_error(),
        Error::UnsupportedSecurityHandler(_) => ImportError::new(
            "这份 PDF 用证书或其他特殊方式加密，无法读取。请用 PDF 阅读器打开后另存一份未加密的 PDF，或导入报告的 Word 文档",
        ),
        Error::Decompress(DecompressError::MemoryLimitExceeded { .. }) => stream_too_large(limits.stream_bytes),
        Error::Parse(ParseError::InvalidFileHeader) => ImportError::new("文件以「%PDF」开头，但文件头无效，不是能读取的 PDF。请用 PDF 阅读器打开确认，或重新导出后再导入"),
        _ => ImportError::new(
            "PDF 文件已损坏或不完整（文件结构无法读取），无法导入。请用 PDF 阅读器打开确认；如是下载的文件，请重新下载后再导入",
        ),
    }
}

/// A stream larger than one stream may be, or the pages' contents larger than all may be.
pub fn stream_too_large(limit: usize) -> ImportError {
    ImportError::new(format!(
        "PDF 中的数据解压后超过 {} MB（可能是“压缩炸弹”或损坏的文件），已停止读取。年度报告的 PDF 每页解压后通常不到 1 MB，请确认选择的文件是否正确",
        limit >> 20
    ))
}

/// The pages in order; refuses a document with none or with more than [`MAX_PAGES`].
pub fn pages(doc: &Document) -> Result<Vec<ObjectId>, ImportError> {
    const COUNTED: usize = 100_000;
    let pages: Vec<ObjectId> = doc.page_iter().take(COUNTED + 1).collect();
    if pages.len() > MAX_PAGES {
        let count = if pages.len() > COUNTED { format!("超过 {COUNTED}") } else { pages.len().to_string() };
        return Err(ImportError::new(format!(
            "PDF 共有 {count} 页，超过了 {MAX_PAGES} 页的上限。年度报告通常只有几页到二十几页：请确认选择的文件是否正确，\
             或只把报告所在的页另存为一个 PDF 后再导入"
        )));
    }
    if pages.is_empty() {
        return Err(ImportError::new("PDF 中没有找到任何页面（页面目录缺失或已损坏），无法导入。请用 PDF 阅读器打开确认，或重新导出后再导入"));
    }
    Ok(pages)
}

/// An attribute of a page, or of the nearest ancestor that has it (`Resources`, `MediaBox` …).
pub fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..MAX_TREE_DEPTH {
        if let Ok(value) = node.get(key) {
            return resolve(doc, value);
        }
        node = node.get(b"Parent").ok().and_then(|p| resolve(doc, p))?.as_dict().ok()?;
    }
    None
}

pub fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

pub fn dict<'a>(doc: &'a Document, parent: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    resolve(doc, parent.get(key).ok()?)?.as_dict().ok()
}

/// The visible area of a page in its own coordinates: `[x0, y0, x1, y1]` (CropBox, else MediaBox, else A4).
pub fn page_box(doc: &Document, page: ObjectId) -> [f64; 4] {
    let read = |key: &[u8]| -> Option<[f64; 4]> {
        let array = inherited(doc, page, key)?.as_array().ok()?;
        let numbers: Vec<f64> = array.iter().filter_map(|o| resolve(doc, o)?.as_float().ok()).map(f64::from).collect();
        let [a, b, c, d] = numbers[..] else { return None };
        let area = [a.min(c), b.min(d), a.max(c), b.max(d)];
        (area[2] - area[0] > 1.0 && area[3] - area[1] > 1.0 && area.iter().all(|v| v.is_finite())).then_some(area)
    };
    read(b"CropBox").or_else(|| read(b"MediaBox")).unwrap_or([0.0, 0.0, 595.0, 842.0])
}

/// A page's rotation in degrees clockwise: 0, 90, 180 or 270.
pub fn rotation(doc: &Document, page: ObjectId) -> i64 {
    inherited(doc, page, b"Rotate").and_then(|o| o.as_i64().ok()).unwrap_or(0).rem_euclid(360) / 90 * 90
}

/// Decompressed content streams, charged against one budget for the whole document.
pub struct ContentBudget {
    left: usize,
}

impl ContentBudget {
    pub fn new(limits: &Limits) -> Self {
        ContentBudget { left: limits.content_bytes }
    }

    /// The concatenated content of a page.
    pub fn page(&mut self, doc: &Document, page: ObjectId, limits: &Limits) -> Result<Vec<u8>, ImportError> {
        let content = doc.get_page_content_with_limit(page, self.limit(limits)).map_err(|_| self.exceeded(limits))?;
        self.left = self.left.saturating_sub(content.len());
        Ok(content)
    }

    /// The content of a form XObject.
    pub fn stream(&mut self, stream: &lopdf::Stream, limits: &Limits) -> Result<Vec<u8>, ImportError> {
        let content = match stream.get_plain_content_with_limit(self.limit(limits)) {
            Ok(content) => content,
            Err(Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => return Err(self.exceeded(limits)),
            Err(_) => Vec::new(),
        };
        self.left = self.left.saturating_sub(content.len());
        Ok(content)
    }

    fn limit(&self, limits: &Limits) -> usize {
        self.left.min(limits.stream_bytes)
    }

    fn exceeded(&self, limits: &Limits) -> ImportError {
        if self.left < limits.stream_bytes {
            stream_too_large(limits.content_bytes)
        } else {
            stream_too_large(limits.stream_bytes)
        }
    }
}
