#pragma once
// The options of the recurrent attention model (Mnih et al. 2014): its sizes, its core and how it chooses
// where to look. Defaults are the paper's classification setting as the PyTorch reference
// (shared/bench/ref/ram_fmnist.py) runs it.
#include "framework/util/enum_names.h"

namespace mann {

// How the model chooses its next glimpse location.
enum class RamAttention {
  Gaussian,  // RAM: a Gaussian location policy around tanh(W h), trained by REINFORCE
  Hard,      // one of a grid of candidate centres, sampled (REINFORCE)
  Gumbel,    // one of the grid's centres, Gumbel-softmax relaxed (straight-through) when training
  Soft       // every centre of the grid, glimpses mixed by a softmax (differentiable, G*G glimpses a step)
};

template <>
struct EnumNames<RamAttention> {
  static constexpr std::string_view noun = "glimpse attention";
  static constexpr auto entries =
      std::to_array<EnumEntry<RamAttention>>({{RamAttention::Gaussian, "gaussian"},
                                              {RamAttention::Hard, "hard"},
                                              {RamAttention::Gumbel, "gumbel"},
                                              {RamAttention::Soft, "soft"}});
};

// The core network that integrates the glimpses.
enum class RamCoreKind {
  Rnn,   // h = relu(W [h, g] + b), as the paper's classification model
  Lstm,  // an LSTM cell (framework/nn)
  Gru    // a GRU cell
};

template <>
struct EnumNames<RamCoreKind> {
  static constexpr std::string_view noun = "RAM core";
  static constexpr auto entries = std::to_array<EnumEntry<RamCoreKind>>(
      {{RamCoreKind::Rnn, "rnn"}, {RamCoreKind::Lstm, "lstm"}, {RamCoreKind::Gru, "gru"}});
};

// The keys a grid attention scores its candidate centres by (grid_attention.h).
enum class GridKeys {
  Cells,  // one one-hot key per cell: any distribution over the G^2 cells; scoring costs G^4 per example
  Axes    // one-hot column and row: logits f(x) + g(y), a product of two marginals (like RAM's diagonal
          // Gaussian); scoring costs 2 G^3, so the grid can keep its spacing on large images
};

template <>
struct EnumNames<GridKeys> {
  static constexpr std::string_view noun = "grid keys";
  static constexpr auto entries =
      std::to_array<EnumEntry<GridKeys>>({{GridKeys::Cells, "cells"}, {GridKeys::Axes, "axes"}});
};

// Where the first glimpse looks, before the model has seen anything.
enum class RamFirstGlimpse {
  Random,  // uniform over the image, per example (the reference's and the paper's classification runs)
  Centre   // the centre of the image, always: every path starts from the same overview
};

template <>
struct EnumNames<RamFirstGlimpse> {
  static constexpr std::string_view noun = "first glimpse";
  static constexpr auto entries = std::to_array<EnumEntry<RamFirstGlimpse>>(
      {{RamFirstGlimpse::Random, "random"}, {RamFirstGlimpse::Centre, "centre"}});
};

struct RamOptions {
  int glimpses = 6;          // glimpses per image (the first where first_glimpse says)
  int patch = 8;             // side of every patch after averaging, in pixels
  int scales = 1;            // patches per glimpse, each twice the side of the previous
  int glimpse_hidden = 128;  // width of h_g (what) and h_l (where)
  int glimpse_out = 256;     // width of g, the glimpse network's output
  int hidden = 256;          // width of the core state
  RamCoreKind core = RamCoreKind::Rnn;
  RamFirstGlimpse first_glimpse = RamFirstGlimpse::Random;
  RamAttention attention = RamAttention::Gaussian;
  float stddev = 0.17f;                  // gaussian: the location policy's fixed standard deviation
  int grid = 4;                          // hard, gumbel, soft: candidate centres per side
  GridKeys grid_keys = GridKeys::Cells;  // hard, gumbel, soft: how candidates are scored
};

}  // namespace mann
