// Writing side of checkpoint.h: validate names first (so a bad name never leaves a half-written temporary),
// then write each part of the schema into a temporary file that write_atomically puts in place.
#include <ctime>
#include <set>
#include <system_error>

#include "framework/io/atomic_file.h"
#include "framework/io/checkpoint.h"
#include "framework/io/hdf5_io.h"
#include "framework/util/strings.h"

namespace mann {

namespace {

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

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

}  // namespace

void write_checkpoint(const std::filesystem::path& path, const CheckpointData& data,
                      const CheckpointWriteHook& hook) {
  const h5::QuietErrors quiet;
  try {
    validate(data);
    write_atomically(path, [&](const std::filesystem::path& temp) {
      h5::Handle file(H5Fcreate(temp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                      "cannot create " + temp.string());
      write_parts(file, data, hook);
      h5::check(H5Fflush(file, H5F_SCOPE_GLOBAL), "cannot flush " + temp.string());
      file.close("cannot close " + temp.string());
      if (hook) hook("closed");
    });
  } catch (const h5::Error& e) {
    throw CheckpointError(path.string() + ": " + e.what());
  } catch (const std::system_error& e) {
    throw CheckpointError(path.string() + ": " + e.what());
  }
}

}  // namespace mann
