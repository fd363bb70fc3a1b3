#pragma once
#include <stdexcept>
#include <string>

namespace mann {

// Input data the user can fix (config, files, command line). Caught by the `mann` front end and printed.
struct UserError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A shape that does not fit an op or a module. The message names the op/module and the shapes involved.
// A user error: shapes follow from the modules an experiment file composes.
struct ShapeError : UserError {
  using UserError::UserError;
};

}  // namespace mann
