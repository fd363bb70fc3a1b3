#pragma once
// The NTM's architecture options (what `model: {type: ntm, ...}` sets), with the defaults of the NTM paper's
// copy experiment and of the reference implementation (shared/bench/ref/ntm_copy.py).
#include "framework/autodiff/matrix.h"
#include "framework/memory/ntm_write_head.h"
#include "framework/util/enum_names.h"

namespace mann {

enum class ControllerKind { Lstm, FeedForward };
// How the memory starts each sequence. Constant 1e-6 is the default: Collier & Beel (2018) found it
// converges about twice as fast as learned or random initialisation.
enum class MemoryInit { Constant, Learned, Random };
enum class ReadInit { Learned, Zero };         // the read vectors fed to the controller at the first step
enum class WeightingInit { OneHot, Uniform };  // the heads' "previous" weighting at the first step

template <>
struct EnumNames<ControllerKind> {
  static constexpr std::string_view noun = "controller";
  static constexpr auto entries = std::to_array<EnumEntry<ControllerKind>>(
      {{ControllerKind::Lstm, "lstm"}, {ControllerKind::FeedForward, "feedforward"}});
};

template <>
struct EnumNames<MemoryInit> {
  static constexpr std::string_view noun = "memory initialisation";
  static constexpr auto entries = std::to_array<EnumEntry<MemoryInit>>(
      {{MemoryInit::Constant, "constant"}, {MemoryInit::Learned, "learned"}, {MemoryInit::Random, "random"}});
};

template <>
struct EnumNames<ReadInit> {
  static constexpr std::string_view noun = "read initialisation";
  static constexpr auto entries =
      std::to_array<EnumEntry<ReadInit>>({{ReadInit::Learned, "learned"}, {ReadInit::Zero, "zero"}});
};

template <>
struct EnumNames<WeightingInit> {
  static constexpr std::string_view noun = "initial weighting";
  static constexpr auto entries = std::to_array<EnumEntry<WeightingInit>>(
      {{WeightingInit::OneHot, "onehot"}, {WeightingInit::Uniform, "uniform"}});
};

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

}  // namespace mann
