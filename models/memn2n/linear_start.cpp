#include "models/memn2n/linear_start.h"

#include <limits>

namespace mann {
namespace {

constexpr float kNoBest = std::numeric_limits<float>::max();  // finite: checkpoints stay all-finite

}  // namespace

LinearStart::LinearStart(const ParamScope& state, const LinearStartOptions& options) : options_(options) {
  Matrix start(1, 2);
  start << (options.enabled ? 1.f : 0.f), kNoBest;
  // The state was saved piece by piece over releases: an older checkpoint may lack a piece, and loading it
  // keeps the configured start (as loading did before buffers were declared).
  const std::string older = "checkpoints written before linear start's state was saved lack it";
  state_ = &state.add_buffer("linear_start", start, older);
  wait_ = &state.add_buffer("linear_start_wait", Matrix::Zero(1, 1), older);
  end_ = &state.add_buffer("linear_start_end", Matrix::Zero(1, 1), older);
}

bool LinearStart::active() const {
  return state_->value(0, 0) != 0.f;
}

bool LinearStart::start_of_epoch(int64_t epoch, bool has_validation,
                                 const std::function<double()>& validation_loss) {
  const bool capped = options_.max_epochs > 0 && epoch >= options_.max_epochs;
  bool stop = capped || (!has_validation && !options_.fixed);
  if (!stop && !options_.fixed) {
    const auto loss = static_cast<float>(validation_loss());
    float& wait = wait_->value(0, 0);
    if (loss < state_->value(0, 1)) {
      state_->value(0, 1) = loss;
      wait = 0.f;
    } else {
      wait += 1.f;
    }
    stop = wait >= static_cast<float>(options_.patience);
  }
  if (!stop) return false;
  state_->value(0, 0) = 0.f;
  end_->value(0, 0) = static_cast<float>(epoch);
  return true;
}

int64_t LinearStart::schedule_origin() const {
  if (!options_.enabled || !options_.restart_schedule) return 0;
  if (active()) return std::numeric_limits<int64_t>::max() / 2;
  return static_cast<int64_t>(end_->value(0, 0));
}

}  // namespace mann
