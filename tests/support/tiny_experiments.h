#pragma once
// Experiment files small enough to train in a fraction of a second, for tests of the machinery around
// training (checkpoints, run directories), not of learning.

namespace mann::testing {

// Key/value retrieval through soft attention: 4 steps, a checkpoint and an evaluation every 2.
inline constexpr const char* kTinyRetrieval = R"(name: tiny-retrieval
seed: 1
dataset: {type: retrieval, slots: 4, key_vocab: 8, value_vocab: 8}
model: {type: retrieval_reader, embed: 8, addressing: {type: soft_content, score: dot}}
train: {steps: 4, batch: 4, optimizer: {type: adam, lr: 0.01}, log_every: 2, eval_every: 2}
eval: {batch: 8, batches: 1}
)";

}  // namespace mann::testing
