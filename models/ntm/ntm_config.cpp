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
  return {enum_option("controller", d.controller, "lstm or feedforward (tanh layers)"),
          option("controller_size", "int", static_cast<int>(d.controller_size), "units per controller layer"),
          option("controller_layers", "int", d.controller_layers, "controller layers"),
          option("memory_slots", "int", static_cast<int>(d.memory_slots), "N: memory rows"),
          option("memory_width", "int", static_cast<int>(d.memory_width), "M: width of a memory row"),
          option("read_heads", "int", d.read_heads, "read heads"),
          option("write_heads", "int", d.write_heads, "write heads"),
          option("read_addressing", "component:addressing", addressing, "addressing of every read head"),
          option("write_addressing", "component:addressing", addressing, "addressing of every write head"),
          enum_option("memory_init", d.memory_init,
                      "constant (memory_init_value), learned, or random (fixed N(0, memory_init_std))"),
          option("memory_init_value", "float", d.memory_init_value, "constant memory value / learned start"),
          option("memory_init_std", "float", d.memory_init_std, "random memory init: standard deviation"),
          enum_option("read_init", d.read_init, "first read vectors"),
          enum_option("initial_weighting", d.weighting_init,
                      "heads' previous weighting at the first step: onehot (slot 0) or uniform"),
          enum_option("add_activation", d.write.add_activation, "squashing of the add vectors"),
          option("erase_bias", "float", d.write.erase_bias, "initial bias of the erase vectors")};
}

NTMOptions read_ntm_options(const ConfigView& v) {
  NTMOptions o;
  o.controller = v.get<ControllerKind>("controller");
  o.controller_size = positive(v, "controller_size");
  o.controller_layers = positive(v, "controller_layers");
  o.memory_slots = positive(v, "memory_slots");
  o.memory_width = positive(v, "memory_width");
  o.read_heads = positive(v, "read_heads", 0);
  o.write_heads = positive(v, "write_heads", 0);
  o.memory_init = v.get<MemoryInit>("memory_init");
  o.memory_init_value = v.get<float>("memory_init_value");
  o.memory_init_std = v.get<float>("memory_init_std");
  o.read_init = v.get<ReadInit>("read_init");
  o.weighting_init = v.get<WeightingInit>("initial_weighting");
  o.write.add_activation = v.get<AddActivation>("add_activation");
  o.write.erase_bias = v.get<float>("erase_bias");
  return o;
}

AddressingFactory ntm_addressing_from(const ConfigView& v) {
  return [&v](const ParamScope& scope, AddressingShape shape, Rng& rng, bool write) {
    return addressing_factory(v, write ? "write_addressing" : "read_addressing")(scope, shape, rng);
  };
}

}  // namespace mann
