//! One photo: bytes in, resized and re-encoded variants out. Pure functions,
//! no disk. Every output is encoded from decoded pixels only, so no EXIF,
//! GPS, XMP or camera data can survive; the EXIF orientation is applied to
//! the pixels before it is dropped.

use std::io::Cursor;

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageFormat, ImageReader, Limits, RgbImage};

/// Photos larger than this many bytes are refused before decoding.
pub const MAX_PHOTO_BYTES: usize = 40 * 1024 * 1024;
/// Pixel dimensions the decoder accepts (a 50000x50000 header is refused
/// before any pixel memory is allocated).
pub const MAX_SIDE: u32 = 12_000;
const MAX_DECODE_ALLOC: u64 = 600 * 1024 * 1024;
/// What the decoder may allocate while reading only a photo's header and
/// metadata: a colour profile or text chunk is compressed in a PNG, and
/// one of a few kilobytes can claim gigabytes.
const MAX_HEADER_ALLOC: u64 = 16 * 1024 * 1024;
/// The memory all photos being decoded at once may take, whatever the
/// number of cores: a photo waits for its share before it is decoded.
pub const DECODE_BUDGET: u64 = 1024 * 1024 * 1024;
/// Bytes a photo takes per pixel while it is processed: the decoded
/// pixels (up to 4 a pixel, with alpha) and the 3-byte copy they become
/// (resizing reads them in place).
const BYTES_PER_PIXEL: u64 = 7;
pub const JPEG_QUALITY: u8 = 82;
pub const WEBP_QUALITY: f32 = 80.0;

/// What can be wrong with a photo, each a diagnostic on `photo:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    /// Zero bytes.
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Not JPEG, PNG or WebP (whatever its name says).
    Unsupported {
        found: Option<String>,
    },
    /// Larger than the decoder limits.
    TooManyPixels {
        width: u32,
        height: u32,
    },
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
            PhotoError::Unsupported { found: Some(f) } => {
                format!("the photo is a {f} file, not JPEG, PNG or WebP")
            }
            PhotoError::Unsupported { found: None } => {
                "the photo is not an image launchpad can read".into()
            }
            PhotoError::TooManyPixels { width, height } => {
                format!("the photo is {width}x{height} pixels")
            }
            PhotoError::Corrupt(why) => format!("the photo cannot be decoded: {why}"),
        }
    }

    pub fn help(&self) -> String {
        match self {
            PhotoError::TooLarge { .. } => {
                format!("use a photo under {} MB", MAX_PHOTO_BYTES / 1024 / 1024)
            }
            PhotoError::TooManyPixels { .. } => {
                format!("use a photo at most {MAX_SIDE} pixels on each side")
            }
            _ => "export the photo again as JPEG, PNG or WebP".into(),
        }
    }
}

/// A photo decoded, oriented, on an opaque background.
pub struct Decoded {
    pub image: RgbImage,
    /// Its share of [`DECODE_BUDGET`], given back when it is dropped.
    _memory: Reservation,
}

/// A share of the decoding memory budget, held while a photo is processed.
pub struct Reservation(u64);

static BUDGET_USED: std::sync::Mutex<u64> = std::sync::Mutex::new(0);
static BUDGET_FREED: std::sync::Condvar = std::sync::Condvar::new();

impl Reservation {
    /// Waits until `bytes` (at most the whole budget, so that a photo
    /// larger than it runs alone) fit in the budget, and takes them. Only
    /// photo work waits here, and none of it waits for other threads while
    /// holding a share, so waiting cannot deadlock the thread pool.
    fn take(bytes: u64) -> Reservation {
        let bytes = bytes.min(DECODE_BUDGET);
        let mut used = BUDGET_USED.lock().unwrap_or_else(|e| e.into_inner());
        while *used + bytes > DECODE_BUDGET {
            used = BUDGET_FREED.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += bytes;
        Reservation(bytes)
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        let mut used = BUDGET_USED.lock().unwrap_or_else(|e| e.into_inner());
        *used -= self.0;
        BUDGET_FREED.notify_all();
    }
}

/// Whether a photo's file is large enough to hold the pixels its header
/// claims. A JPEG spends at least one bit on each 8x8 block of each
/// component (its DC code), so fewer than a byte per 512 pixels cannot be
/// a whole image: the decoder would publish grey where the data is missing.
/// A PNG's deflate data shrinks at most 1,032 times, and its smallest
/// pixels are one bit. WebP has no such floor (its arithmetic coder can
/// spend a fraction of a bit on a block), and is left to the memory budget.
fn holds_its_pixels(format: ImageFormat, len: usize, width: u32, height: u32) -> bool {
    let pixels = u64::from(width) * u64::from(height);
    let floor = match format {
        ImageFormat::Jpeg => pixels / 1024,
        ImageFormat::Png => pixels / 16_384,
        _ => 0,
    };
    len as u64 >= floor
}

/// A PNG without its compressed metadata chunks (colour profile, text),
/// which the decoder would inflate before the pixels: a few kilobytes of
/// them can claim gigabytes, and the decoder's one allocation limit, sized
/// for a photo's pixels, is far too generous for them. The pixels are
/// re-encoded without metadata anyway. Uncompressed chunks are bounded by
/// the file's size and kept (`eXIf` holds the orientation).
fn without_compressed_metadata(png: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    const SIGNATURE: usize = 8;
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
        return std::borrow::Cow::Borrowed(png);
    }
    let mut kept = png[..SIGNATURE.min(png.len())].to_vec();
    let mut at = SIGNATURE;
    let mut dropped = false;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]) as usize;
        let end = at.saturating_add(12).saturating_add(len);
        let Some(chunk) = png.get(at..end) else {
            // A chunk that runs past the end: the decoder reports it.
            return std::borrow::Cow::Borrowed(png);
        };
        if matches!(&chunk[4..8], b"iCCP" | b"zTXt" | b"iTXt") {
            dropped = true;
        } else {
            kept.extend_from_slice(chunk);
        }
        at = end;
    }
    if dropped {
        kept.extend_from_slice(&png[at..]);
        std::borrow::Cow::Owned(kept)
    } else {
        std::borrow::Cow::Borrowed(png)
    }
}

/// Reads the format and dimensions only: cheap, for `check`. The header is
/// read without the decoder limits (it allocates no pixels), so an oversized
/// photo is reported with its size.
pub fn probe(bytes: &[u8]) -> Result<(ImageFormat, u32, u32), PhotoError> {
    probe_stripped(&without_compressed_metadata(bytes))
}

/// [`probe`] of a file already without its compressed metadata.
fn probe_stripped(bytes: &[u8]) -> Result<(ImageFormat, u32, u32), PhotoError> {
    let mut reader = reader(bytes)?;
    // No size limit here, so an oversized photo is reported with its size,
    // but a bound on what reading the header may allocate.
    let mut limits = Limits::no_limits();
    limits.max_alloc = Some(MAX_HEADER_ALLOC);
    reader.limits(limits);
    let format = reader
        .format()
        .ok_or(PhotoError::Unsupported { found: None })?;
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(PhotoError::TooManyPixels {
            width: w,
            height: h,
        });
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

/// Whether a JPEG's segments run to an end-of-image marker. The decoder
/// fills a truncated photo with grey instead of failing, so truncation is
/// found here: walk the marker segments, skip entropy-coded data (where
/// `FF` is followed by a `00` stuffing byte or a restart marker), and
/// require `FF D9`. Data after it is allowed (phones append video there).
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    while i + 1 < bytes.len() {
        if bytes[i] != 0xFF {
            return false;
        }
        let marker = bytes[i + 1];
        match marker {
            0xD9 => return true,
            // Fill bytes, and markers without a length.
            0xFF => i += 1,
            0x01 | 0xD0..=0xD7 => i += 2,
            _ => {
                let Some(len) = bytes
                    .get(i + 2..i + 4)
                    .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
                else {
                    return false;
                };
                i += 2 + len;
                if marker == 0xDA {
                    // Entropy-coded data runs to the next real marker.
                    while i + 1 < bytes.len() && !starts_marker(bytes[i], bytes[i + 1]) {
                        i += 1;
                    }
                }
            }
        }
    }
    false
}

/// In entropy-coded data, `FF 00` is a stuffed byte and `FF D0`-`FF D7` are
/// restart markers; any other `FF xx` starts the next segment.
fn starts_marker(a: u8, b: u8) -> bool {
    a == 0xFF && !matches!(b, 0x00 | 0xD0..=0xD7)
}

/// Decodes fully, applies the EXIF orientation and flattens transparency
/// onto white.
pub fn decode(bytes: &[u8]) -> Result<Decoded, PhotoError> {
    // A no-op but for PNGs, and stripped once for the probe and the decoder.
    let stripped = without_compressed_metadata(bytes);
    let bytes = &*stripped;
    let (format, w, h) = probe_stripped(bytes)?;
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(PhotoError::Corrupt(
            "the file ends before the image does (truncated)".into(),
        ));
    }
    if !holds_its_pixels(format, bytes.len(), w, h) {
        return Err(PhotoError::Corrupt(format!(
            "the file is {} bytes, far too small for the {w}x{h} pixels it claims",
            bytes.len()
        )));
    }
    let memory = Reservation::take(u64::from(w) * u64::from(h) * BYTES_PER_PIXEL);
    let decoder = reader(bytes)?
        .into_decoder()
        .map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    let mut decoder = decoder;
    let orientation = image::ImageDecoder::orientation(&mut decoder)
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels {
            width: w,
            height: h,
        },
        e => PhotoError::Corrupt(e.to_string()),
    })?;
    image.apply_orientation(orientation);
    let image = if image.color().has_alpha() {
        let rgba = image.into_rgba8();
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
    Ok(Decoded {
        image,
        _memory: memory,
    })
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
    let height = ((u64::from(src.height()) * u64::from(width) + u64::from(src.width()) / 2)
        / u64::from(src.width()))
    .max(1) as u32;
    if width == src.width() {
        return src.clone();
    }
    resized(src, width, height, ResizeOptions::new())
}

/// `src` scaled to `width` x `height` (after `options`' crop), read in
/// place: a copy of a 12,000 px photo would be another 432 MB.
fn resized(src: &RgbImage, width: u32, height: u32, options: ResizeOptions) -> RgbImage {
    let from = ImageRef::new(src.width(), src.height(), src.as_raw(), PixelType::U8x3)
        .expect("buffer matches its dimensions");
    let mut to = Image::new(width, height, PixelType::U8x3);
    let options = options.resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&from, &mut to, &options)
        .expect("same pixel type on both sides");
    RgbImage::from_raw(width, height, to.into_vec()).expect("buffer matches its dimensions")
}

/// The middle square of `src`, `side` pixels a side (or the square's own
/// size if smaller): the photo of a share card, drawn without scaling.
pub fn square(src: &RgbImage, side: u32) -> RgbImage {
    let s = src.width().min(src.height());
    let (left, top) = ((src.width() - s) / 2, (src.height() - s) / 2);
    if s <= side {
        return image::imageops::crop_imm(src, left, top, s, s).to_image();
    }
    let crop =
        ResizeOptions::new().crop(f64::from(left), f64::from(top), f64::from(s), f64::from(s));
    resized(src, side, side, crop)
}

pub fn encode_jpeg(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    img.write_with_encoder(encoder)
        .expect("encoding to memory cannot fail");
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

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        encode_jpeg(&RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        }))
    }

    #[test]
    fn a_complete_jpeg_is_complete_and_a_cut_one_is_not() {
        let full = jpeg(320, 240);
        assert!(jpeg_is_complete(&full));
        let mut with_trailer = full.clone();
        with_trailer.extend_from_slice(b"ftypmp42 appended motion-photo video");
        assert!(
            jpeg_is_complete(&with_trailer),
            "data after the end marker is allowed"
        );
        for cut in [full.len() - 2, full.len() / 2, 40, 3] {
            assert!(!jpeg_is_complete(&full[..cut]), "cut at {cut}");
            assert!(
                matches!(decode(&full[..cut]), Err(PhotoError::Corrupt(_))),
                "cut at {cut}"
            );
        }
    }

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
        assert!(matches!(
            decode(b"hello, I am text").err(),
            Some(PhotoError::Unsupported { .. })
        ));
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        assert_eq!(
            decode(gif).err(),
            Some(PhotoError::Unsupported {
                found: Some("GIF".into())
            })
        );
    }
}
