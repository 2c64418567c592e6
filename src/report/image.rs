//! Pictures for documents that cannot hold SVG: the progress chart and a brand's logo drawn
//! to PNG with resvg, text set in DejaVu Sans (built in, so the same chart is drawn the same
//! way on every machine).

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use super::brand::Logo;

/// A PNG image and its size in pixels.
#[derive(Debug, Clone)]
pub struct Png {
    /// The PNG file's bytes.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

fn options() -> usvg::Options<'static> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(dejavu::sans::regular().to_vec());
    fonts.load_font_data(dejavu::sans::bold().to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let mut options = usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        ..usvg::Options::default()
    };
    options.fontdb = Arc::new(fonts);
    options
}

/// Draws an SVG image to PNG at `scale` times its size, on white.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Png, String> {
    let tree = usvg::Tree::from_str(svg, &options()).map_err(|e| format!("cannot draw the image: {e}"))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("cannot draw the image: it has no size")?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("cannot draw the image: it is too large")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap.encode_png().map_err(|e| format!("cannot draw the image: {e}"))?;
    Ok(Png {
        bytes,
        width: size.width(),
        height: size.height(),
    })
}

/// A logo as PNG: a PNG as it is, a JPEG or an SVG drawn to PNG (at most 600 pixels wide).
pub fn logo_png(logo: &Logo) -> Result<Png, String> {
    if logo.media_type == "image/png" {
        return Ok(Png {
            bytes: logo.bytes.clone(),
            width: logo.width,
            height: logo.height,
        });
    }
    let scale = (600.0 / logo.width.max(1) as f32).min(4.0);
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><image width="{w}" height="{h}" xlink:href="{uri}"/></svg>"#,
        w = logo.width,
        h = logo.height,
        uri = logo.data_uri
    );
    svg_to_png(&svg, scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_drawn_with_the_built_in_font() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" font-family="system-ui, sans-serif" font-size="16">Phase 1</text></svg>"#;
        let png = svg_to_png(svg, 2.0).unwrap();
        assert_eq!((png.width, png.height), (240, 60));
        assert!(png.bytes.starts_with(b"\x89PNG"));
        // Text drawn: the picture is not only white.
        let blank = svg_to_png(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"/>"#,
            2.0,
        )
        .unwrap();
        assert!(png.bytes.len() > blank.bytes.len() + 200, "no text was drawn");
    }
}
