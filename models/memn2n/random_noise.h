#pragma once
// Random noise (RN, MemN2N sec. 4.2): at training time, empty memories are inserted at random places of each
// story (up to `fraction` of its length), so the temporal encoding cannot lean on exact positions alone.
// An empty memory has no words but is a real slot: it is attendable and carries its temporal vector.
#include "datasets/babi/babi_batch.h"
#include "framework/util/rng.h"

namespace mann {

// The number of slots a batch shape needs so that RN always has room: the longest story plus its noise,
// at most `memory_size`.
int slots_with_noise(int longest_story, float fraction, int memory_size);

// Rewrites `batch` in place: example b with n statements gets k ~ U{0..ceil(fraction * n)} empty memories
// (fewer if the slots run out) at uniformly random positions among its n + k memories; statement order,
// temporal indices (0 = most recent memory) and supporting-fact slots are updated to match.
void insert_empty_memories(BabiBatch& batch, float fraction, Rng& rng);

}  // namespace mann
