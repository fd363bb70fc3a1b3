#pragma once
// The registry entries of the cloze datasets: babi_cloze, story_cloze and rc_questions (CNN / Daily Mail).
#include "framework/config/registry.h"

namespace mann {

void register_cloze_datasets(Registry& r);

}  // namespace mann
