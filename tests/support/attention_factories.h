#pragma once
// Addressing factories for tests that build a model directly (not from YAML): Bahdanau-style additive
// attention, soft or hard, the way every decoder and reader family is tested.
#include <memory>

#include "framework/addressing/hard_attention.h"
#include "framework/addressing/soft_content.h"
#include "framework/components/addressing_components.h"

namespace mann::testing {

// Soft additive attention; additive_hidden 0 takes the memory width (SoftContentOptions' default).
inline AddressingModuleFactory additive_attention(Index additive_hidden = 0) {
  return [additive_hidden](const ParamScope& scope, AddressingShape shape,
                           Rng& rng) -> std::unique_ptr<AddressingModule> {
    SoftContentOptions o;
    o.score = ContentScore::Additive;
    o.additive_hidden = additive_hidden;
    return std::make_unique<SoftContentAddressing>(scope, shape, rng, o);
  };
}

// Hard attention (REINFORCE) sampling from an additive scorer.
inline AddressingModuleFactory hard_additive_attention(Index additive_hidden = 0) {
  return [additive_hidden](const ParamScope& scope, AddressingShape shape,
                           Rng& rng) -> std::unique_ptr<AddressingModule> {
    HardOptions o;
    o.scorer.score = ContentScore::Additive;
    o.scorer.additive_hidden = additive_hidden;
    return std::make_unique<HardAttention>(scope, shape, rng, o);
  };
}

}  // namespace mann::testing
