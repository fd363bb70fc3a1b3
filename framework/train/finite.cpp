#include "framework/train/finite.h"

namespace mann {

namespace {

template <class Get>
bool check(const std::vector<Parameter*>& params, std::string* offending_name, Get get) {
  for (const Parameter* p : params) {
    // allFinite() is a vectorised x - x == 0 test, cheap enough to run every step.
    if (!get(*p).allFinite()) {
      if (offending_name) *offending_name = p->name;
      return false;
    }
  }
  return true;
}

}  // namespace

bool all_finite(const std::vector<Parameter*>& params, std::string* offending_name) {
  return check(params, offending_name, [](const Parameter& p) -> const Matrix& { return p.grad; });
}

bool all_values_finite(const std::vector<Parameter*>& params, std::string* offending_name) {
  return check(params, offending_name, [](const Parameter& p) -> const Matrix& { return p.value; });
}

}  // namespace mann
