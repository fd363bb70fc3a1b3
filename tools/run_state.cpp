#include "tools/run_state.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "framework/config/config_node.h"
#include "framework/io/atomic_file.h"
#include "framework/util/number_text.h"
#include "framework/util/strings.h"
#include "framework/views/attention_views.h"

namespace mann {
namespace {

void write_row(std::ostream& out, const std::vector<double>& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out << ',';
    if (std::isfinite(row[i])) out << round_trip_text(row[i]);  // missing values stay empty
  }
  out << '\n';
}

}  // namespace

CheckpointData capture_checkpoint(const Experiment& e, const TrainingProgress& progress, const Rng& rng,
                                  bool with_attention) {
  CheckpointData d;
  d.experiment = e.name;
  d.config_yaml = to_yaml(e.config);
  d.rng_state = rng.state();
  for (const Parameter* p : e.learner->parameters().parameters()) d.params.emplace_back(p->name, p->value);
  d.optimizer_type = e.optimizer->type();
  d.optimizer_step = e.optimizer->step_count();
  d.optimizer_scalars["learning_rate"] = e.optimizer->learning_rate();
  for (const auto& [name, slots] : e.optimizer->state())
    for (const auto& [slot, value] : slots) d.optimizer_slots[name][slot] = value;
  d.progress.step = progress.step;
  d.progress.epoch = progress.epoch(e.trainer.steps_per_epoch);
  d.progress.examples_seen = progress.examples_seen;
  d.progress.best_metric = progress.best_metric;
  d.progress.best_step = progress.best_step;
  d.progress.best_metric_name = progress.best_metric_name;
  d.metrics = progress.history;
  d.extra = e.learner->checkpoint_extras();
  if (AttentionViews* views = with_attention ? e.learner->views() : nullptr) {
    Rng attention_rng(split_seed(e.trainer.eval_seed, "attention"));  // the same example in every run
    d.attention = views->attention_maps(attention_rng);
    d.extra.merge(views->attention_texts());
  }
  return d;
}

void restore_parameters(Experiment& e, const CheckpointData& d) {
  std::vector<ParamShape> expected;
  const std::vector<Parameter*> params = e.learner->parameters().parameters();
  for (const Parameter* p : params)
    expected.push_back({p->name, p->value.rows(), p->value.cols(), /*may_be_missing=*/!p->required_on_load()});
  check_param_shapes(d, expected);
  for (Parameter* p : params)
    if (const Matrix* stored = d.param(p->name)) p->value = *stored;
}

std::vector<std::string> warm_start_parameters(Experiment& e, const CheckpointData& d) {
  std::vector<std::string> not_loaded;
  for (Parameter* p : e.learner->parameters().parameters()) {
    const Matrix* stored = d.param(p->name);
    if (!stored) {
      not_loaded.push_back(p->name);
      continue;
    }
    if (stored->rows() != p->value.rows() || stored->cols() != p->value.cols())
      throw UserError("warm start from " + d.source.string() + ": parameter " + p->name + " is " +
                      shape_string(*stored) + " there but " + shape_string(p->value) + " in this model");
    p->value = *stored;
  }
  if (not_loaded.size() == e.learner->parameters().parameters().size())
    throw UserError("warm start from " + d.source.string() + ": it shares no parameter with this model");
  return not_loaded;
}

void restore_training_state(Experiment& e, const CheckpointData& d, TrainingProgress& progress, Rng& rng) {
  restore_parameters(e, d);
  if (d.optimizer_type != e.optimizer->type())
    throw CheckpointError(d.source.string() + ": written with optimizer `" + d.optimizer_type +
                          "` but the config asks for `" + e.optimizer->type() + "`");
  Optimizer::State state;
  for (const auto& [name, slots] : d.optimizer_slots)
    for (const auto& [slot, value] : slots) state[name][slot] = value;
  try {
    e.optimizer->load_state(e.learner->parameters().parameters(), state, d.optimizer_step);
  } catch (const UserError& error) {  // name the file the state came from
    throw CheckpointError(d.source.string() + ": " + error.what());
  }
  rng.set_state(d.rng_state);
  progress.step = d.progress.step;
  progress.examples_seen = d.progress.examples_seen;
  progress.best_metric = d.progress.best_metric;
  progress.best_step = d.progress.best_step;
  progress.best_metric_name = d.progress.best_metric_name;
  progress.history = d.metrics;
}

std::filesystem::path resolve_checkpoint(const std::filesystem::path& p, const char* which) {
  if (std::filesystem::is_directory(p)) {
    const auto file = p / "checkpoints" / (std::string(which) + ".h5");
    if (!std::filesystem::exists(file))
      throw UserError(p.string() + " is a directory without " + file.string() +
                      "; is it a mann run directory?");
    return file;
  }
  return p;
}

void write_run_file(const std::filesystem::path& path, const std::string& text) {
  try {
    write_atomically(path, [&](const std::filesystem::path& temp) {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      out << text;
      out.close();
      if (!out)
        throw std::system_error(errno ? errno : EIO, std::generic_category(),
                                "cannot write " + temp.string());
    });
  } catch (const std::system_error& e) {
    throw UserError("cannot write " + path.string() + ": " + e.what());
  }
}

void write_metrics_csv(const std::filesystem::path& path, const MetricsTable& table) {
  std::ostringstream out;
  out << join(table.columns, ",") << '\n';
  for (const auto& row : table.rows) write_row(out, row);
  write_run_file(path, out.str());
}

void append_metrics_csv_row(const std::filesystem::path& path, const MetricsTable& table) {
  std::ofstream out(path, std::ios::app);
  write_row(out, table.rows.back());
  if (!out) throw UserError("cannot write " + path.string());
}

MetricsTable read_metrics_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw UserError("cannot read " + path.string());
  const auto cells = [](const std::string& line) {
    std::vector<std::string> out;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) out.push_back(cell);
    if (!line.empty() && line.back() == ',') out.emplace_back();  // a trailing empty cell
    return out;
  };
  MetricsTable table;
  std::string line;
  if (std::getline(in, line)) table.columns = cells(line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> text = cells(line);
    text.resize(table.columns.size());  // a row cut short by a crash: missing cells are NaN
    std::vector<double> row;
    for (const std::string& cell : text)
      row.push_back(cell.empty() ? std::nan("") : std::strtod(cell.c_str(), nullptr));
    table.add_row(std::move(row));
  }
  return table;
}

}  // namespace mann
