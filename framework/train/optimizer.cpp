#include "framework/train/optimizer.h"

#include <set>

#include "framework/autodiff/errors.h"

namespace mann {

void Optimizer::step(const std::vector<Parameter*>& params) {
  ++step_count_;
  for (Parameter* p : params) {
    if (!p->trainable) continue;
    if (p->grad.rows() != p->value.rows() || p->grad.cols() != p->value.cols()) {
      throw ShapeError(type() + " step: parameter '" + p->name + "' has value " + shape_string(p->value) +
                       " but grad " + shape_string(p->grad));
    }
    SlotMap& slots = state_[p->name];
    if (slots.empty()) {
      for (const std::string& s : slot_names())
        slots.emplace(s, Matrix::Zero(p->value.rows(), p->value.cols()));
    }
    update(*p, slots);
  }
}

void Optimizer::load_state(const std::vector<Parameter*>& params, const State& state, int64_t step_count) {
  if (step_count < 0) throw UserError(type() + " state: negative step count " + std::to_string(step_count));
  std::map<std::string, const Parameter*> by_name;
  for (const Parameter* p : params) by_name[p->name] = p;
  const std::vector<std::string> wanted = slot_names();
  const std::set<std::string> wanted_set(wanted.begin(), wanted.end());

  for (const auto& [name, slots] : state) {
    auto it = by_name.find(name);
    if (it == by_name.end()) throw UserError(type() + " state: unknown parameter '" + name + "'");
    const Parameter& p = *it->second;
    for (const auto& [slot, m] : slots) {
      if (!wanted_set.count(slot)) {
        throw UserError(type() + " state: parameter '" + name + "' has unexpected slot '" + slot + "'");
      }
      if (m.rows() != p.value.rows() || m.cols() != p.value.cols()) {
        throw UserError(type() + " state: slot '" + slot + "' of '" + name + "' is " + shape_string(m) +
                        ", parameter is " + shape_string(p.value));
      }
    }
    for (const std::string& slot : wanted) {
      if (!slots.count(slot)) {
        throw UserError(type() + " state: parameter '" + name + "' lacks slot '" + slot + "'");
      }
    }
  }
  // An optimizer without slots (plain SGD) writes no entries at all, so there is nothing to require.
  if (step_count > 0 && !wanted.empty()) {
    for (const Parameter* p : params) {
      if (p->trainable && !state.count(p->name)) {
        throw UserError(type() + " state: no entry for trainable parameter '" + p->name + "' after " +
                        std::to_string(step_count) + " steps");
      }
    }
  }
  state_ = state;
  step_count_ = step_count;
}

void Optimizer::reset() {
  state_.clear();
  step_count_ = 0;
}

}  // namespace mann
