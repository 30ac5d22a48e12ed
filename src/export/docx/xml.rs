//! A thin layer over quick-xml's writer for WordprocessingML: every text and attribute is escaped.

use std::io;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

pub(super) struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    /// A new part, starting with the XML declaration.
    pub fn new() -> io::Result<Xml> {
        let mut writer = Writer::new(Vec::with_capacity(32 * 1024));
        writer.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )))?;
        Ok(Xml { writer })
    }

    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.writer.write_event(Event::Start(start))
    }

    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.writer.write_event(Event::Empty(start))
    }

    /// `<name w:val="value"/>`, the most common WordprocessingML property.
    pub fn val(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.empty(name, &[("w:val", value)])
    }

    /// An element holding escaped text.
    pub fn text_element(
        &mut self,
        name: &str,
        attributes: &[(&str, &str)],
        text: &str,
    ) -> io::Result<()> {
        self.open(name, attributes)?;
        self.writer.write_event(Event::Text(BytesText::new(text)))?;
        self.close(name)
    }

    pub fn finish(self) -> Vec<u8> {
        self.writer.into_inner()
    }
}
