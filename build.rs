//! Rebuilds the binary when a vendor file changes: the catalogue is embedded with `include_dir!`,
//! which cargo does not track by itself.

fn main() {
    println!("cargo:rerun-if-changed=vendors");
}
