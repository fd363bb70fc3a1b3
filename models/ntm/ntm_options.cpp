#include "models/ntm/ntm_options.h"

#include <utility>
#include <vector>

#include "framework/autodiff/errors.h"

namespace mann {
namespace {

// Looks text up in a table of (name, value); the error lists every accepted name.
template <class E>
E parse_choice(const char* what, const std::string& text,
               const std::vector<std::pair<const char*, E>>& table) {
  std::string names;
  for (const auto& [name, value] : table) {
    if (text == name) return value;
    names += names.empty() ? name : std::string(", ") + name;
  }
  throw UserError(std::string(what) + " must be one of " + names + ", not `" + text + "`");
}

}  // namespace

ControllerKind parse_controller_kind(const std::string& text) {
  return parse_choice<ControllerKind>(
      "controller", text, {{"lstm", ControllerKind::Lstm}, {"feedforward", ControllerKind::FeedForward}});
}

MemoryInit parse_memory_init(const std::string& text) {
  return parse_choice<MemoryInit>(
      "memory_init", text,
      {{"constant", MemoryInit::Constant}, {"learned", MemoryInit::Learned}, {"random", MemoryInit::Random}});
}

ReadInit parse_read_init(const std::string& text) {
  return parse_choice<ReadInit>("read_init", text,
                                {{"learned", ReadInit::Learned}, {"zero", ReadInit::Zero}});
}

WeightingInit parse_weighting_init(const std::string& text) {
  return parse_choice<WeightingInit>(
      "initial_weighting", text, {{"onehot", WeightingInit::OneHot}, {"uniform", WeightingInit::Uniform}});
}

AddActivation parse_add_activation(const std::string& text) {
  return parse_choice<AddActivation>("add_activation", text,
                                     {{"linear", AddActivation::Linear}, {"tanh", AddActivation::Tanh}});
}

}  // namespace mann
