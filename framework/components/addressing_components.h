#pragma once
// Registry entries of kind "addressing": the attention modules of framework/addressing, so that a model
// chooses a head's addressing with one config line, e.g. `read_addressing: {type: ntm_location}`.
// A model builds one module per head through Registry::create<AddressingModule, AddressingBuildContext>
// from the head's `component:addressing` option.
#include <functional>
#include <string_view>

#include "framework/addressing/addressing_module.h"
#include "framework/config/config_view.h"
#include "framework/config/registry.h"
#include "framework/nn/parameter_collection.h"

namespace mann {

struct AddressingBuildContext {
  ParamScope scope;       // the module's parameters go under it
  AddressingShape shape;  // query width, memory width, slots
  Rng& rng;               // parameter initialisation
};

void register_addressing_components(Registry& registry);

// Builds one addressing module under a scope once the model knows its shape.
using AddressingModuleFactory = std::function<std::unique_ptr<AddressingModule>(
    const ParamScope& scope, AddressingShape shape, Rng& rng)>;

// The factory of a model's `component:addressing` option `key` (e.g. "addressing"). The view must outlive it.
AddressingModuleFactory addressing_factory(const ConfigView& model, std::string_view key);
// The same for an option declared `.or_none()`: the plain word `none` gives an empty factory (no module,
// e.g. seq2seq or the captioner without attention); a map is an addressing block. Anything else fails at
// the option with `what_it_takes`. The view must outlive the factory.
AddressingModuleFactory optional_addressing_factory(const ConfigView& model, std::string_view key,
                                                    const std::string& what_it_takes);

}  // namespace mann
