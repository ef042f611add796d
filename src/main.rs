//! Browser entry point: Trunk builds this into `dist/`.

fn main() {
    claimlens::ui::start();
}
