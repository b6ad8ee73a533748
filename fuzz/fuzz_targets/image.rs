//! The photo path: header probe, decode under the memory budget, resize
//! and square crop, as a story's photo goes through them.
#![no_main]

use launchpad::images::photos;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if photos::probe(data).is_err() {
        return;
    }
    let Ok(decoded) = photos::decode(data) else {
        return;
    };
    let img = &decoded.image;
    for width in photos::target_widths(&[64, 32], img.width()) {
        let small = photos::resize(img, width);
        assert_eq!(small.width(), width);
    }
    let side = img.width().min(img.height()).min(48);
    if side > 0 {
        assert_eq!(photos::square(img, side).width(), side);
    }
});
