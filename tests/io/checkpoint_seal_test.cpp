// Every byte of a written checkpoint is covered by its seal: any change is refused, with the reason, before
// HDF5 (which can crash on corrupt metadata) reads the file.
#include <doctest/doctest.h>
#include <hdf5.h>

#include "checkpoint_fixtures.h"
#include "framework/io/checkpoint_seal.h"

namespace mann {
namespace {

using testing::check_refused;
using testing::read_bytes;
using testing::sample_checkpoint;
using testing::TempDir;
using testing::write_text;

TEST_CASE("checkpoint seal: a written checkpoint is sealed in its user block and verifies") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  const std::string bytes = read_bytes(path);
  REQUIRE(bytes.size() > kCheckpointUserBlockSize);
  CHECK(bytes.substr(0, 8) == "MANNSEAL");
  CHECK(bytes.substr(kCheckpointUserBlockSize + 1, 3) == "HDF");  // HDF5 proper starts after the user block
  CHECK(verify_checkpoint_seal(path) == SealStatus::verified);
  CHECK(read_checkpoint(path).experiment == "babi-task1");
}

TEST_CASE("checkpoint seal: one changed byte anywhere is refused") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  const std::string original = read_bytes(path);
  // The magic, the header fields, the chunk table, the zero padding, HDF5's superblock, data, the last byte.
  for (const size_t at : {size_t{0}, size_t{9}, size_t{20}, size_t{33}, size_t{400}, size_t{511}, size_t{512},
                          size_t{600}, original.size() / 2, original.size() - 1}) {
    CAPTURE(at);
    std::string bytes = original;
    bytes[at] = static_cast<char>(bytes[at] ^ 0x20);
    write_text(dir / "flipped.h5", bytes);
    check_refused(dir / "flipped.h5", "corrupted");
    if (at >= kCheckpointUserBlockSize) {
      // The message names the damaged range, which contains the byte.
      try {
        read_checkpoint(dir / "flipped.h5");
      } catch (const CheckpointError& e) {
        const std::string message = e.what();
        const size_t from = message.find("bytes ") + 6, dash = message.find('-', from);
        REQUIRE(dash != std::string::npos);
        const size_t first = std::stoul(message.substr(from, dash - from));
        const size_t last = std::stoul(message.substr(dash + 1));
        CHECK(first <= at);
        CHECK(at <= last);
      }
    }
  }
}

TEST_CASE("checkpoint seal: truncated, appended to, zeroed or replaced files are refused with the reason") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  const std::string bytes = read_bytes(path);

  write_text(dir / "cut.h5", bytes.substr(0, bytes.size() - 1));
  check_refused(dir / "cut.h5", "truncated");
  write_text(dir / "header-only.h5", bytes.substr(0, 300));
  check_refused(dir / "header-only.h5", "truncated");
  write_text(dir / "long.h5", bytes + "trailing garbage");
  check_refused(dir / "long.h5", "16 bytes of garbage appended");

  std::string zeroed = bytes;
  std::fill(zeroed.begin() + 2000, zeroed.begin() + 2100, '\0');
  write_text(dir / "zeroed.h5", zeroed);
  check_refused(dir / "zeroed.h5", "corrupted: bytes");

  std::string no_seal = bytes;
  std::fill(no_seal.begin(), no_seal.begin() + kCheckpointUserBlockSize, '\0');
  write_text(dir / "no-seal.h5", no_seal);
  check_refused(dir / "no-seal.h5", "seal");

  write_text(dir / "foreign.h5", "MANNSEAL but nothing else");
  check_refused(dir / "foreign.h5", "truncated");
}

TEST_CASE("checkpoint seal: a re-sealed edit passes the checksum and reaches the content checks") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  {
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    REQUIRE(file >= 0);
    CHECK(H5Ldelete(file, "/rng", H5P_DEFAULT) >= 0);
    H5Fclose(file);
  }
  check_refused(path, "corrupted");
  seal_checkpoint(path);
  check_refused(path, "missing dataset /rng");
}

TEST_CASE("checkpoint format: newest HDF5 file format, Fletcher-32 on numeric datasets") {
  TempDir dir;
  const std::filesystem::path path = dir / "ckpt.h5";
  write_checkpoint(path, sample_checkpoint());
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  H5F_info2_t info{};
  CHECK(H5Fget_info2(file, &info) >= 0);
  CHECK(info.super.version >= 2);  // superblock v2+: checksummed
  for (const char* name : {"/params/model/A", "/metrics/loss", "/optimizer/slots/bias/m"}) {
    CAPTURE(name);
    const hid_t dataset = H5Dopen2(file, name, H5P_DEFAULT);
    REQUIRE(dataset >= 0);
    const hid_t plist = H5Dget_create_plist(dataset);
    CHECK(H5Pget_filter_by_id2(plist, H5Z_FILTER_FLETCHER32, nullptr, nullptr, nullptr, 0, nullptr,
                               nullptr) >= 0);
    H5Pclose(plist);
    H5Dclose(dataset);
  }
  H5Fclose(file);
}

}  // namespace
}  // namespace mann
