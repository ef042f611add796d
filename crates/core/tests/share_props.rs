//! Property tests for the share-link decoder: any fragment — random, or a
//! valid link truncated or tampered with — decodes without panicking, and
//! whatever it decodes to encodes to a link that decodes to the same view.

#![cfg(not(target_arch = "wasm32"))]

use claimlens_core::share::{decode, encode, unpack_text, DocRef, ViewState, MAX_UNPACKED};
use claimlens_core::{Label, LabelSet, DEFAULT_TEXT};
use proptest::prelude::*;

fn sample_link() -> String {
    let state = ViewState {
        doc: DocRef::Inline {
            title: Some("Talks".into()),
            text: DEFAULT_TEXT[..600].to_string(),
        },
        hidden: LabelSet::NONE.toggled(Label::Date),
        pinned: Some("person:vladimir-medinsky".into()),
        ..ViewState::default()
    };
    encode(&state)
}

fn stable(fragment: &str) {
    let first = decode(fragment);
    let again = decode(&encode(&first.state));
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.state, first.state);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_fragment_decodes(s in "\\PC{0,300}") {
        claimlens_core::frontcode::install_bundled();
        stable(&s);
    }

    #[test]
    fn link_like_fragments_decode(s in "(v=[0-9]{1,2}|[a-z]{1,2}=[A-Za-z0-9%~_.,:-]{0,40})(&(v=1|[a-z]{1,2}=[A-Za-z0-9%~_.,:-]{0,40})){0,6}") {
        claimlens_core::frontcode::install_bundled();
        stable(&s);
    }

    #[test]
    fn truncated_links_decode(cut in 0usize..2000) {
        claimlens_core::frontcode::install_bundled();
        let link = sample_link();
        let cut = cut.min(link.len());
        stable(&link[..cut]);
    }

    /// A link cut anywhere inside its packed document says it looks cut
    /// short, never that the document is damaged or not base64url.
    #[test]
    fn links_cut_inside_the_document_say_so(cut in 6usize..2000) {
        let link = sample_link();
        let x_end = link.find("&n=").unwrap();
        let d = decode(&link[..cut.min(x_end - 1)]);
        prop_assert!(d.cut_short, "{:?}", d.problems);
        prop_assert!(d.problems[0].contains("stops part-way"), "{:?}", d.problems);
    }

    #[test]
    fn tampered_links_decode(at in 0usize..2000, byte in b'0'..=b'z') {
        claimlens_core::frontcode::install_bundled();
        let mut link = sample_link().into_bytes();
        let at = at % link.len();
        link[at] = byte;
        stable(&String::from_utf8_lossy(&link));
    }

    #[test]
    fn packed_garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        claimlens_core::frontcode::install_bundled();
        let s: String = bytes.iter().map(|b| (b'A' + b % 26) as char).collect();
        let _ = unpack_text(&s, MAX_UNPACKED);
    }
}
