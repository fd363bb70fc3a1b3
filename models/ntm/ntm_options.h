#pragma once
// The NTM's architecture options (what `model: {type: ntm, ...}` sets), with the defaults of the NTM paper's
// copy experiment and of the reference implementation (shared/bench/ref/ntm_copy.py).
#include <string>

#include "framework/autodiff/matrix.h"
#include "framework/memory/ntm_write_head.h"

namespace mann {

enum class ControllerKind { Lstm, FeedForward };
// How the memory starts each sequence. Constant 1e-6 is the default: Collier & Beel (2018) found it
// converges about twice as fast as learned or random initialisation.
enum class MemoryInit { Constant, Learned, Random };
enum class ReadInit { Learned, Zero };         // the read vectors fed to the controller at the first step
enum class WeightingInit { OneHot, Uniform };  // the heads' "previous" weighting at the first step

struct NTMOptions {
  ControllerKind controller = ControllerKind::Lstm;
  Index controller_size = 100;
  int controller_layers = 1;
  Index memory_slots = 128;  // N
  Index memory_width = 20;   // M
  int read_heads = 1;
  int write_heads = 1;
  MemoryInit memory_init = MemoryInit::Constant;
  float memory_init_value = 1e-6f;  // constant: every entry; learned: the starting value
  float memory_init_std = 0.5f;  // random: N(0, std) drawn once at construction, fixed (kept in checkpoints)
  ReadInit read_init = ReadInit::Learned;
  float read_init_std = 0.01f;  // learned read vectors start as N(0, std), as in the reference
  WeightingInit weighting_init = WeightingInit::OneHot;
  NTMWriteHeadOptions write = {AddActivation::Linear, 0.f};  // linear add vectors, as in the reference
};

// Parsers for the option strings; each throws UserError listing the accepted values.
ControllerKind parse_controller_kind(const std::string& text);
MemoryInit parse_memory_init(const std::string& text);
ReadInit parse_read_init(const std::string& text);
WeightingInit parse_weighting_init(const std::string& text);
AddActivation parse_add_activation(const std::string& text);

}  // namespace mann
