#pragma once
// Registry entries of kind "addressing": the attention modules of framework/addressing, so that a model
// chooses a head's addressing with one config line, e.g. `read_addressing: {type: ntm_location}`.
// A model builds one module per head through Registry::create<AddressingModule, AddressingBuildContext>
// from the head's `component:addressing` option.
#include "framework/addressing/addressing_module.h"
#include "framework/config/registry.h"
#include "framework/nn/parameter_collection.h"

namespace mann {

struct AddressingBuildContext {
  ParamScope scope;       // the module's parameters go under it
  AddressingShape shape;  // query width, memory width, slots
  Rng& rng;               // parameter initialisation
};

void register_addressing_components(Registry& registry);

}  // namespace mann
