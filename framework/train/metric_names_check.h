#pragma once
// The trainer writes a learner's metric values into metrics.csv columns by position, so the names a
// learner returns with its values must be the names it declared, in the same order. This check makes a
// learner that adds, drops or reorders a metric fail on its first step instead of filling the wrong columns.
#include <string>
#include <vector>

#include "framework/train/learner.h"

namespace mann {

// Throws std::logic_error unless `metrics` carries exactly the `declared` names in order. The message names
// the model (`model`), what returned them (`source`, e.g. "training_step"), both lists and the first
// difference.
void check_metric_names(const Metrics& metrics, const std::vector<std::string>& declared,
                        const std::string& model, const std::string& source);

}  // namespace mann
