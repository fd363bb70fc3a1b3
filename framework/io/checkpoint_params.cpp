// Matching a checkpoint's parameters against a model's: by name, so a renamed or resized module is caught
// before any value is copied, with every mismatch listed at once.
#include <map>

#include "framework/io/checkpoint.h"

namespace mann {

const Matrix* CheckpointData::param(const std::string& name) const {
  for (const auto& [n, value] : params) {
    if (n == name) return &value;
  }
  return nullptr;
}

void check_param_shapes(const CheckpointData& data, const std::vector<ParamShape>& expected) {
  std::vector<std::string> problems;
  std::map<std::string, const ParamShape*> wanted;
  for (const ParamShape& shape : expected) wanted[shape.name] = &shape;

  for (const ParamShape& shape : expected) {
    const Matrix* stored = data.param(shape.name);
    if (stored == nullptr) {
      if (shape.may_be_missing) continue;
      problems.push_back("parameter '" + shape.name + "' " + shape_string(shape.rows, shape.cols) +
                         " is missing from the checkpoint");
    } else if (stored->rows() != shape.rows || stored->cols() != shape.cols) {
      problems.push_back("parameter '" + shape.name + "' is " + shape_string(*stored) +
                         " in the checkpoint but the model expects " + shape_string(shape.rows, shape.cols));
    }
  }
  for (const auto& [name, value] : data.params) {
    if (!wanted.count(name)) {
      problems.push_back("parameter '" + name + "' " + shape_string(value) +
                         " is in the checkpoint but not in the model");
    }
  }
  if (problems.empty()) return;

  std::string message = data.source.empty() ? std::string("checkpoint") : data.source.string();
  message += ": parameters do not match the model:";
  for (const std::string& p : problems) message += "\n  " + p;
  throw CheckpointError(message);
}

}  // namespace mann
