#pragma once
#include "framework/config/registry.h"

namespace mann {
// The `seq2seq` model: an RNN encoder-decoder with selectable attention, for the seq2seq datasets.
void register_seq2seq(Registry& registry);
}  // namespace mann
