// Reading side of checkpoint.h: find out as early and as plainly as possible why a file is not a usable
// checkpoint (missing, not HDF5, truncated, foreign, other version), then read each part with type checks.
#include <algorithm>
#include <chrono>
#include <set>
#include <system_error>

#include "framework/io/checkpoint.h"
#include "framework/io/checkpoint_seal.h"
#include "framework/io/child_process_probe.h"
#include "framework/io/hdf5_io.h"

namespace mann {

namespace {

std::vector<std::pair<std::string, Matrix>> read_params(hid_t root) {
  h5::Handle params = h5::open_group(root, "params");
  const std::vector<std::string> stored = h5::dataset_paths(params);
  std::vector<std::string> order = stored;  // name order, for files written without `order`
  if (h5::has_attribute(params, "order")) {
    order = h5::read_string_array_attribute(params, "order");
    const std::set<std::string> stored_set(stored.begin(), stored.end());
    const std::set<std::string> order_set(order.begin(), order.end());
    for (const std::string& name : order) {
      if (!stored_set.count(name))
        throw h5::Error("/params lists parameter '" + name + "' but it is missing");
    }
    for (const std::string& name : stored) {
      if (!order_set.count(name))
        throw h5::Error("dataset /params/" + name + " is not listed in /params order");
    }
    if (order_set.size() != order.size()) throw h5::Error("/params order lists a parameter twice");
  }
  std::vector<std::pair<std::string, Matrix>> out;
  for (const std::string& name : order) out.emplace_back(name, h5::read_matrix(params, name));
  return out;
}

void read_optimizer(hid_t root, CheckpointData& data) {
  h5::Handle optimizer = h5::open_group(root, "optimizer");
  data.optimizer_type = h5::read_string_attribute(optimizer, "type");
  data.optimizer_step = h5::read_int64_attribute(optimizer, "step");
  for (const std::string& name : h5::attribute_names(optimizer)) {
    if (name == "type" || name == "step") continue;
    data.optimizer_scalars[name] = h5::read_double_attribute(optimizer, name);
  }
  if (!h5::exists(optimizer, "slots")) return;  // an optimizer without state (plain SGD)
  h5::Handle slots = h5::open_group(optimizer, "slots");
  for (const std::string& path : h5::dataset_paths(slots)) {
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) {
      throw h5::Error("dataset /optimizer/slots/" + path + " is not under a parameter name");
    }
    data.optimizer_slots[path.substr(0, slash)][path.substr(slash + 1)] = h5::read_matrix(slots, path);
  }
}

CheckpointData::Progress read_progress(hid_t root) {
  h5::Handle group = h5::open_group(root, "progress");
  CheckpointData::Progress p;
  p.step = h5::read_int64_attribute(group, "step");
  p.epoch = h5::read_int64_attribute(group, "epoch");
  p.examples_seen = h5::read_int64_attribute(group, "examples_seen");
  p.best_step = h5::read_int64_attribute(group, "best_step");
  p.best_metric = h5::read_double_attribute(group, "best_metric");
  p.best_metric_name = h5::read_string_attribute(group, "best_metric_name");
  return p;
}

MetricsTable read_metrics(hid_t root) {
  h5::Handle group = h5::open_group(root, "metrics");
  const std::string joined = h5::read_string_attribute(group, "columns");
  MetricsTable table;
  for (size_t start = 0; !joined.empty() && start <= joined.size();) {
    const size_t end = std::min(joined.find(',', start), joined.size());
    table.columns.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::vector<double>> values;
  for (const std::string& column : table.columns) {
    values.push_back(h5::read_vector(group, column));
    if (values.back().size() != values.front().size()) {
      throw h5::Error("metrics column '" + column + "' has " + std::to_string(values.back().size()) +
                      " values but '" + table.columns.front() + "' has " +
                      std::to_string(values.front().size()));
    }
  }
  const size_t n_rows = values.empty() ? 0 : values.front().size();
  table.rows.assign(n_rows, std::vector<double>(table.columns.size()));
  for (size_t j = 0; j < values.size(); ++j) {
    for (size_t i = 0; i < n_rows; ++i) table.rows[i][j] = values[j][i];
  }
  return table;
}

CheckpointData read_parts(hid_t file, const std::filesystem::path& path) {
  h5::Handle root(H5Gopen2(file, "/", H5P_DEFAULT), "cannot open root group");
  const std::string where = path.string();
  if (!h5::has_attribute(root, "format")) {
    throw CheckpointError(where + ": an HDF5 file, but not a mann checkpoint (no 'format' attribute on /)");
  }
  if (h5::attribute_class(root, "format") != H5T_STRING ||
      h5::read_string_attribute(root, "format") != kCheckpointFormat) {
    throw CheckpointError(where + ": an HDF5 file, but not a mann checkpoint ('format' is not \"" +
                          kCheckpointFormat + "\")");
  }
  const int64_t version = h5::read_int64_attribute(root, "format_version");
  if (version != kCheckpointFormatVersion) {
    throw CheckpointError(where + ": written by format version " + std::to_string(version) +
                          "; this mann reads version " + std::to_string(kCheckpointFormatVersion));
  }

  CheckpointData data;
  data.source = path;
  data.format_version = static_cast<int>(version);
  data.mann_version = h5::read_string_attribute(root, "mann_version");
  data.created = h5::read_string_attribute(root, "created");
  data.experiment = h5::read_string_attribute(root, "experiment");
  data.config_yaml = h5::read_string(root, "config");
  data.params = read_params(root);
  read_optimizer(root, data);
  data.rng_state = h5::read_string(root, "rng");
  data.progress = read_progress(root);
  data.metrics = read_metrics(root);
  if (h5::exists(root, "attention")) {
    h5::Handle attention = h5::open_group(root, "attention");
    for (const std::string& key : h5::dataset_paths(attention)) {
      data.attention[key] = h5::read_matrix(attention, key);
    }
  }
  if (h5::exists(root, "extra")) {
    h5::Handle extra = h5::open_group(root, "extra");
    for (const std::string& key : h5::dataset_paths(extra)) data.extra[key] = h5::read_string(extra, key);
  }
  check_checkpoint_consistency(data);
  return data;
}

CheckpointData open_and_read(const std::filesystem::path& path) {
  h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT),
                  "cannot open the HDF5 file; it is probably truncated or corrupt");
  return read_parts(file, path);
}

// An unsealed file (from before seals) cannot be checked byte by byte, and HDF5 may crash or hang on
// corrupt metadata: read it once in a child process, and refuse it if that child dies.
void refuse_if_reading_kills(const std::filesystem::path& path) {
  constexpr std::chrono::seconds kLimit{60};
  const ProbeOutcome outcome = probe_in_child([&] { open_and_read(path); }, kLimit);
  if (outcome.kind == ProbeOutcome::Kind::crashed || outcome.kind == ProbeOutcome::Kind::timed_out) {
    throw CheckpointError(
        path.string() + ": corrupt: reading this unsealed checkpoint (from before checkpoints carried a " +
        "checksum) " + outcome.describe() +
        (outcome.kind == ProbeOutcome::Kind::timed_out ? " (" + std::to_string(kLimit.count()) + " s)"
                                                       : std::string()));
  }
}

}  // namespace

CheckpointData read_checkpoint(const std::filesystem::path& path) {
  const std::string where = path.string();
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw CheckpointError(where + ": no such file");
  if (!std::filesystem::is_regular_file(status)) throw CheckpointError(where + ": not a regular file");

  const h5::QuietErrors quiet;  // we report failures ourselves, in one line
  try {
    // Every byte is checked before HDF5 parses any: it does not defend itself against corrupt metadata.
    const SealStatus seal = verify_checkpoint_seal(path);
    // Checks the signature only: tells "some other kind of file" apart from "damaged HDF5".
    // (H5Fis_hdf5, not 1.12's H5Fis_accessible: the latter opens the file, so it would call a truncated
    // checkpoint "not HDF5".)
    const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
    if (is_hdf5 == 0) throw CheckpointError(where + ": not an HDF5 file, so not a mann checkpoint");
    h5::check(is_hdf5, "cannot be read");
    if (seal == SealStatus::unsealed) refuse_if_reading_kills(path);
    return open_and_read(path);
  } catch (const h5::Error& e) {
    throw CheckpointError(where + ": " + e.what());
  } catch (const std::system_error& e) {
    throw CheckpointError(where + ": " + e.what());
  }
}

}  // namespace mann
