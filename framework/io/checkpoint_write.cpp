// Writing side of checkpoint.h: validate names first (so a bad name never leaves a half-written temporary),
// then build the file with each part of the schema in memory, seal it (checkpoint_seal.h) and write it to a
// temporary file that write_atomically puts in place.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <set>
#include <span>
#include <system_error>

#include "framework/io/atomic_file.h"
#include "framework/io/checkpoint.h"
#include "framework/io/checkpoint_seal.h"
#include "framework/io/hdf5_io.h"
#include "framework/io/hdf5_memory_file.h"
#include "framework/util/strings.h"
#include "framework/util/unique_fd.h"
#include "framework/util/utc_time.h"

namespace mann {

namespace {

// Names become HDF5 paths, so "a" and "a/b" cannot both exist (one would need to be a dataset and a group).
// `names` must already be valid relative paths; `what` is "parameter", "attention entry", ...
void check_distinct_paths(const std::vector<std::string>& names, const std::string& what) {
  const std::set<std::string> all(names.begin(), names.end());
  if (all.size() != names.size()) {
    std::set<std::string> seen;
    for (const std::string& n : names) {
      if (!seen.insert(n).second) throw h5::Error("duplicate " + what + " name '" + n + "'");
    }
  }
  for (const std::string& n : names) {
    for (size_t slash = n.find('/'); slash != std::string::npos; slash = n.find('/', slash + 1)) {
      if (all.count(n.substr(0, slash))) {
        throw h5::Error(what + " names '" + n.substr(0, slash) + "' and '" + n +
                        "' clash: one would have to be both a dataset and a group");
      }
    }
  }
}

void validate(const CheckpointData& data) {
  std::vector<std::string> names;
  for (const auto& [name, value] : data.params) {
    h5::check_relative_path(name, "parameter name");
    names.push_back(name);
  }
  check_distinct_paths(names, "parameter");

  for (const auto& [name, value] : data.optimizer_scalars) {
    if (name.empty() || name == "type" || name == "step" || name.find('\0') != std::string::npos) {
      throw h5::Error("optimizer hyperparameter name '" + name + "' is empty or reserved (type, step)");
    }
  }
  std::vector<std::string> slot_paths;
  for (const auto& [param, slots] : data.optimizer_slots) {
    h5::check_relative_path(param, "optimizer slot parameter name");
    for (const auto& [slot, value] : slots) {
      // The reader splits at the last '/', so a slot name must be a single component.
      h5::check_relative_path(slot, "optimizer slot name");
      if (slot.find('/') != std::string::npos)
        throw h5::Error("optimizer slot name '" + slot + "' contains '/'");
      slot_paths.push_back(param + "/" + slot);
    }
  }
  check_distinct_paths(slot_paths, "optimizer slot");

  for (const std::string& column : data.metrics.columns) {
    // Columns are listed comma-separated and each is a dataset name.
    if (column.empty() || column.find_first_of(",/") != std::string::npos || column == "." ||
        column == "..") {
      throw h5::Error("metrics column name '" + column + "' is empty or contains ',' or '/'");
    }
  }
  const std::set<std::string> columns(data.metrics.columns.begin(), data.metrics.columns.end());
  if (columns.size() != data.metrics.columns.size()) throw h5::Error("duplicate metrics column name");
  for (size_t i = 0; i < data.metrics.rows.size(); ++i) {
    if (data.metrics.rows[i].size() != data.metrics.columns.size()) {
      throw h5::Error("metrics row " + std::to_string(i) + " has " +
                      std::to_string(data.metrics.rows[i].size()) + " values for " +
                      std::to_string(data.metrics.columns.size()) + " columns");
    }
  }

  names.clear();
  for (const auto& [key, value] : data.attention) {
    h5::check_relative_path(key, "attention path");
    names.push_back(key);
  }
  check_distinct_paths(names, "attention");
  names.clear();
  for (const auto& [key, value] : data.extra) {
    h5::check_relative_path(key, "extra key");
    names.push_back(key);
  }
  check_distinct_paths(names, "extra");
}

// Room for the seal (checkpoint_seal.h) in front of the HDF5 data.
h5::Handle sealable_file_plist() {
  h5::Handle plist(H5Pcreate(H5P_FILE_CREATE), "cannot create file property list");
  h5::check(H5Pset_userblock(plist, kCheckpointUserBlockSize), "cannot reserve the user block");
  return plist;
}

void write_parts(hid_t file, const CheckpointData& data, const CheckpointWriteHook& hook) {
  const auto stage = [&](std::string_view name) {
    if (hook) hook(name);
  };

  h5::Handle root(H5Gopen2(file, "/", H5P_DEFAULT), "cannot open root group");
  h5::write_attribute(root, "format", std::string(kCheckpointFormat));
  h5::write_attribute(root, "format_version", int64_t{kCheckpointFormatVersion});
  h5::write_attribute(root, "mann_version", std::string(MANN_VERSION));
  h5::write_attribute(root, "created", utc_now_iso8601());
  h5::write_attribute(root, "experiment", data.experiment);
  stage("root");

  h5::write_string(root, "config", data.config_yaml);
  stage("config");

  {
    h5::Handle params = h5::create_group(root, "params");
    std::vector<std::string> order;
    for (const auto& [name, value] : data.params) {
      h5::write_matrix(params, name, value);
      order.push_back(name);
    }
    h5::write_attribute(params, "order", order);
  }
  stage("params");

  {
    h5::Handle optimizer = h5::create_group(root, "optimizer");
    h5::write_attribute(optimizer, "type", data.optimizer_type);
    h5::write_attribute(optimizer, "step", data.optimizer_step);
    for (const auto& [name, value] : data.optimizer_scalars) h5::write_attribute(optimizer, name, value);
    h5::Handle slots = h5::create_group(optimizer, "slots");
    for (const auto& [param, by_slot] : data.optimizer_slots) {
      for (const auto& [slot, value] : by_slot) h5::write_matrix(slots, param + "/" + slot, value);
    }
  }
  stage("optimizer");

  h5::write_string(root, "rng", data.rng_state);
  stage("rng");

  {
    const CheckpointData::Progress& p = data.progress;
    h5::Handle progress = h5::create_group(root, "progress");
    h5::write_attribute(progress, "step", p.step);
    h5::write_attribute(progress, "epoch", p.epoch);
    h5::write_attribute(progress, "examples_seen", p.examples_seen);
    h5::write_attribute(progress, "best_metric", p.best_metric);
    h5::write_attribute(progress, "best_step", p.best_step);
    h5::write_attribute(progress, "best_metric_name", p.best_metric_name);
  }
  stage("progress");

  {
    h5::Handle metrics = h5::create_group(root, "metrics");
    h5::write_attribute(metrics, "columns", join(data.metrics.columns, ","));
    for (const std::string& column : data.metrics.columns) {
      h5::write_vector(metrics, column, data.metrics.column(column));
    }
  }
  stage("metrics");

  if (!data.attention.empty()) {  // optional: absent rather than empty when there is nothing to show
    h5::Handle attention = h5::create_group(root, "attention");
    for (const auto& [key, value] : data.attention) h5::write_matrix(attention, key, value);
  }
  stage("attention");

  {
    h5::Handle extra = h5::create_group(root, "extra");
    for (const auto& [key, value] : data.extra) h5::write_string(extra, key, value);
  }
  stage("extra");
}

// Built in memory and written out by our own checked writes (hdf5_memory_file.h says why), in the newest
// file format: every metadata block carries a checksum, which older formats lack.
h5::MemoryFileImage checkpoint_image(const CheckpointData& data, const CheckpointWriteHook& hook) {
  h5::MemoryFileImage image = h5::build_in_memory(
      sealable_file_plist(),
      [](hid_t fapl) {
        h5::check(H5Pset_libver_bounds(fapl, H5F_LIBVER_LATEST, H5F_LIBVER_LATEST),
                  "cannot set the format version");
      },
      [&](hid_t file) { write_parts(file, data, hook); });
  seal_image(image.bytes());
  return image;
}

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

void write_all(const std::filesystem::path& path, std::span<const unsigned char> bytes, int fd) {
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("cannot write " + path.string());
    done += static_cast<size_t>(n);
  }
}

}  // namespace

void write_checkpoint(const std::filesystem::path& path, const CheckpointData& data,
                      const CheckpointWriteHook& hook) {
  const h5::QuietErrors quiet;
  try {
    validate(data);
    write_atomically(path, [&](const std::filesystem::path& temp) {
      UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
      if (!fd.valid()) throw_errno("cannot create " + temp.string());
      const h5::MemoryFileImage image = checkpoint_image(data, hook);
      write_all(temp, image.bytes(), fd.get());
      if (!fd.close()) throw_errno("cannot close " + temp.string());
      if (hook) hook("closed");
    });
  } catch (const h5::Error& e) {
    throw CheckpointError(path.string() + ": " + e.what());
  } catch (const std::system_error& e) {
    throw CheckpointError(path.string() + ": " + e.what());
  }
}

}  // namespace mann
