#include "models/ntm/ntm_config.h"

#include <string>

#include "framework/components/addressing_components.h"
#include "framework/components/spec_helpers.h"
#include "framework/config/registry.h"

namespace mann {
namespace {

int positive(const ConfigView& v, const char* key, int min_value = 1) {
  const int n = v.get<int>(key);
  if (n < min_value) v.fail(key, "must be >= " + std::to_string(min_value));
  return n;
}

}  // namespace

std::vector<OptionSpec> ntm_option_specs() {
  const NTMOptions d;
  const std::string addressing = "{type: ntm_location, shift_range: 1}";
  return {choice_option("controller", "lstm", {"lstm", "feedforward"}, "lstm or feedforward (tanh layers)"),
          option("controller_size", "int", static_cast<int>(d.controller_size), "units per controller layer"),
          option("controller_layers", "int", d.controller_layers, "controller layers"),
          option("memory_slots", "int", static_cast<int>(d.memory_slots), "N: memory rows"),
          option("memory_width", "int", static_cast<int>(d.memory_width), "M: width of a memory row"),
          option("read_heads", "int", d.read_heads, "read heads"),
          option("write_heads", "int", d.write_heads, "write heads"),
          option("read_addressing", "component:addressing", addressing, "addressing of every read head"),
          option("write_addressing", "component:addressing", addressing, "addressing of every write head"),
          choice_option("memory_init", "constant", {"constant", "learned", "random"},
                        "constant (memory_init_value), learned, or random (fixed N(0, memory_init_std))"),
          option("memory_init_value", "float", d.memory_init_value, "constant memory value / learned start"),
          option("memory_init_std", "float", d.memory_init_std, "random memory init: standard deviation"),
          choice_option("read_init", "learned", {"learned", "zero"}, "first read vectors: learned or zero"),
          choice_option("initial_weighting", "onehot", {"onehot", "uniform"},
                        "heads' previous weighting at the first step: onehot (slot 0) or uniform"),
          choice_option("add_activation", "linear", {"linear", "tanh"}, "add vectors: linear or tanh"),
          option("erase_bias", "float", d.write.erase_bias, "initial bias of the erase vectors")};
}

NTMOptions read_ntm_options(const ConfigView& v) {
  NTMOptions o;
  o.controller = parse_option(v, "controller", parse_controller_kind);
  o.controller_size = positive(v, "controller_size");
  o.controller_layers = positive(v, "controller_layers");
  o.memory_slots = positive(v, "memory_slots");
  o.memory_width = positive(v, "memory_width");
  o.read_heads = positive(v, "read_heads", 0);
  o.write_heads = positive(v, "write_heads", 0);
  o.memory_init = parse_option(v, "memory_init", parse_memory_init);
  o.memory_init_value = v.get<float>("memory_init_value");
  o.memory_init_std = v.get<float>("memory_init_std");
  o.read_init = parse_option(v, "read_init", parse_read_init);
  o.weighting_init = parse_option(v, "initial_weighting", parse_weighting_init);
  o.write.add_activation = parse_option(v, "add_activation", parse_add_activation);
  o.write.erase_bias = v.get<float>("erase_bias");
  return o;
}

AddressingFactory ntm_addressing_from(const ConfigView& v) {
  return [&v](const ParamScope& scope, AddressingShape shape, Rng& rng, bool write) {
    return addressing_factory(v, write ? "write_addressing" : "read_addressing")(scope, shape, rng);
  };
}

}  // namespace mann
