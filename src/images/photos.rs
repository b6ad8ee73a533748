//! One photo: bytes in, resized and re-encoded variants out. Pure functions,
//! no disk. Every output is encoded from decoded pixels only, so no EXIF,
//! GPS, XMP or camera data can survive; the EXIF orientation is applied to
//! the pixels before it is dropped.

use std::io::Cursor;

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageFormat, ImageReader, Limits, RgbImage};

/// Photos larger than this many bytes are refused before decoding.
pub const MAX_PHOTO_BYTES: usize = 40 * 1024 * 1024;
/// Pixel dimensions the decoder accepts (a 50000x50000 header is refused
/// before any pixel memory is allocated).
pub const MAX_SIDE: u32 = 12_000;
const MAX_DECODE_ALLOC: u64 = 600 * 1024 * 1024;
pub const JPEG_QUALITY: u8 = 82;
pub const WEBP_QUALITY: f32 = 80.0;

/// What can be wrong with a photo, each a diagnostic on `photo:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    /// Zero bytes.
    Empty,
    TooLarge { bytes: usize },
    /// Not JPEG, PNG or WebP (whatever its name says).
    Unsupported { found: Option<String> },
    /// Larger than the decoder limits.
    TooManyPixels { width: u32, height: u32 },
    /// Truncated or corrupt.
    Corrupt(String),
}

impl PhotoError {
    pub fn code(&self) -> &'static str {
        match self {
            PhotoError::Empty | PhotoError::Corrupt(_) => "bad-image",
            PhotoError::TooLarge { .. } | PhotoError::TooManyPixels { .. } => "image-too-large",
            PhotoError::Unsupported { .. } => "unsupported-image",
        }
    }

    pub fn message(&self) -> String {
        match self {
            PhotoError::Empty => "the photo file is empty".into(),
            PhotoError::TooLarge { bytes } => format!("the photo is {bytes} bytes"),
            PhotoError::Unsupported { found: Some(f) } => format!("the photo is a {f} file, not JPEG, PNG or WebP"),
            PhotoError::Unsupported { found: None } => "the photo is not an image launchpad can read".into(),
            PhotoError::TooManyPixels { width, height } => format!("the photo is {width}x{height} pixels"),
            PhotoError::Corrupt(why) => format!("the photo cannot be decoded: {why}"),
        }
    }

    pub fn help(&self) -> String {
        match self {
            PhotoError::TooLarge { .. } => format!("use a photo under {} MB", MAX_PHOTO_BYTES / 1024 / 1024),
            PhotoError::TooManyPixels { .. } => format!("use a photo at most {MAX_SIDE} pixels on each side"),
            _ => "export the photo again as JPEG, PNG or WebP".into(),
        }
    }
}

/// A photo decoded, oriented, on an opaque background.
pub struct Decoded {
    pub image: RgbImage,
}

/// Reads the format and dimensions only: cheap, for `check`.
pub fn probe(bytes: &[u8]) -> Result<(ImageFormat, u32, u32), PhotoError> {
    let reader = reader(bytes)?;
    let format = reader.format().ok_or(PhotoError::Unsupported { found: None })?;
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(PhotoError::TooManyPixels { width: w, height: h });
    }
    Ok((format, w, h))
}

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge { bytes: bytes.len() });
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        other => {
            return Err(PhotoError::Unsupported {
                found: other.map(|f| format!("{f:?}").to_uppercase()),
            });
        }
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    reader.limits(limits);
    Ok(reader)
}

/// Decodes fully, applies the EXIF orientation and flattens transparency
/// onto white.
pub fn decode(bytes: &[u8]) -> Result<Decoded, PhotoError> {
    let (_, w, h) = probe(bytes)?;
    let decoder = reader(bytes)?
        .into_decoder()
        .map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    let mut decoder = decoder;
    let orientation = image::ImageDecoder::orientation(&mut decoder).unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels { width: w, height: h },
        e => PhotoError::Corrupt(e.to_string()),
    })?;
    image.apply_orientation(orientation);
    let image = if image.color().has_alpha() {
        let rgba = image.to_rgba8();
        let mut rgb = RgbImage::new(rgba.width(), rgba.height());
        for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
            let a = u16::from(px[3]);
            for c in 0..3 {
                out[c] = ((u16::from(px[c]) * a + 255 * (255 - a)) / 255) as u8;
            }
        }
        rgb
    } else {
        image.into_rgb8()
    };
    Ok(Decoded { image })
}

/// The widths to produce for a photo `width` pixels wide: the configured
/// ones that do not upscale, or the photo's own width if all would.
pub fn target_widths(configured: &[u32], width: u32) -> Vec<u32> {
    let mut out: Vec<u32> = configured.iter().copied().filter(|&w| w <= width).collect();
    if out.is_empty() {
        out.push(width);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Resizes to `width`, keeping the aspect ratio.
pub fn resize(src: &RgbImage, width: u32) -> RgbImage {
    let height = ((u64::from(src.height()) * u64::from(width) + u64::from(src.width()) / 2) / u64::from(src.width())).max(1) as u32;
    if width == src.width() {
        return src.clone();
    }
    let from = Image::from_vec_u8(src.width(), src.height(), src.as_raw().clone(), PixelType::U8x3)
        .expect("buffer matches its dimensions");
    let mut to = Image::new(width, height, PixelType::U8x3);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&from, &mut to, &options)
        .expect("same pixel type on both sides");
    RgbImage::from_raw(width, height, to.into_vec()).expect("buffer matches its dimensions")
}

pub fn encode_jpeg(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    img.write_with_encoder(encoder).expect("encoding to memory cannot fail");
    out
}

/// Lossy WebP from libwebp (the `image` crate's own encoder is lossless
/// only, and lossless photos come out larger than JPEG).
pub fn encode_webp(img: &RgbImage) -> Vec<u8> {
    webp::Encoder::from_rgb(img.as_raw(), img.width(), img.height())
        .encode(WEBP_QUALITY)
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(target_widths(&[480, 960, 1440], 1600), vec![480, 960, 1440]);
        assert_eq!(target_widths(&[480, 960, 1440], 1000), vec![480, 960]);
        assert_eq!(target_widths(&[480, 960, 1440], 300), vec![300]);
    }

    #[test]
    fn resizing_keeps_the_aspect_ratio() {
        let img = RgbImage::new(1600, 1200);
        let out = resize(&img, 480);
        assert_eq!((out.width(), out.height()), (480, 360));
    }

    #[test]
    fn bad_inputs_are_errors_not_panics() {
        assert_eq!(decode(b"").err(), Some(PhotoError::Empty));
        assert!(matches!(decode(b"hello, I am text").err(), Some(PhotoError::Unsupported { .. })));
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        assert_eq!(decode(gif).err(), Some(PhotoError::Unsupported { found: Some("GIF".into()) }));
    }
}
