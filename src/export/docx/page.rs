//! Page and type sizes of GB/T 9704-2012 in Word's units (twips, half-points).

/// A4, portrait.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;

/// Margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm ≈ 56.7 twips).
pub const MARGIN_TOP: u32 = 2098;
pub const MARGIN_BOTTOM: u32 = 1984;
pub const MARGIN_LEFT: u32 = 1587;
pub const MARGIN_RIGHT: u32 = 1474;

/// From the page's bottom edge to the footer: the page number stands about 7 mm below the text.
pub const FOOTER_DISTANCE: u32 = 1304;

/// The width of the type area (156 mm).
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/// Half the width of a character of the body text (三号, 16 pt = 320 twips): a digit's width.
pub const HALF_CHARACTER: usize = 160;

/// Left and right padding of a table cell (1 mm), so that the narrow columns of 三 and 四 fit.
pub const CELL_PADDING: u32 = 57;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_two_lines_fit_the_type_area() {
        // Fixed line spacing of the styles: 579 twips ≈ 28.9 pt.
        const LINE: u32 = 579;
        let height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
        assert_eq!(height / LINE, 22);
        assert_eq!(TEXT_WIDTH, 8845);
    }
}
