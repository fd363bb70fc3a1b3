#pragma once
// The architecture of an End-To-End Memory Network (Sukhbaatar et al. 2015), with the paper's choices as
// defaults: 3 hops, adjacent weight tying, position encoding, temporal encoding, d = 20, N(0, 0.1) weights.
#include "framework/nn/activation.h"
#include "framework/util/enum_names.h"

namespace mann {

enum class WeightTying {
  Adjacent,  // A^{k+1} = C^k, B = A^1, W^T = C^K (sec. 2.2)
  LayerWise  // A^k = A, C^k = C, u^{k+1} = H u^k + o^k; B and W separate (RNN-like)
};
enum class SentenceEncoding {
  BagOfWords,  // m_i = sum_j A x_ij
  Position,    // m_i = sum_j l_j . A x_ij, l_kj = (1 - j/J) - (k/d)(1 - 2j/J) (sec. 4.1, as printed)
  // The authors' code: l_kj = 1 + 4 (k - (d+1)/2)(j - (J+1)/2) / (d J), about twice the printed weights.
  // The scale matters with SGD at lr 0.01: it is what solves tasks 4 and 6 on 1k (see experiments/babi).
  PositionCentered
};

struct MemN2NOptions {
  int hops = 3;
  int dim = 20;
  WeightTying tying = WeightTying::Adjacent;
  SentenceEncoding encoding = SentenceEncoding::Position;
  bool temporal = true;   // temporal encoding T_A, T_C added to the memory vectors (sec. 4.1)
  float init_std = 0.1f;  // every weight ~ N(0, init_std) (sec. 4.2)
  // Applied to the controller state after every hop, u^{k+1} = f(u^k + o^k) (or f(H u^k + o^k)): none as in
  // the paper's equations, relu for the non-linear variant (the authors' code's add_nonlin).
  Activation hop_activation = Activation::None;
  int vocab = 0;          // words, including nil (id 0)
  int memory_size = 50;   // rows of the temporal tables: the most memories an example has
};

template <>
struct EnumNames<WeightTying> {
  static constexpr std::string_view noun = "weight tying";
  static constexpr auto entries =
      std::to_array<EnumEntry<WeightTying>>({{WeightTying::Adjacent, "adjacent"},
                                             {WeightTying::LayerWise, "layerwise"},
                                             {WeightTying::LayerWise, "layer_wise"}});
};

template <>
struct EnumNames<SentenceEncoding> {
  static constexpr std::string_view noun = "sentence encoding";
  static constexpr auto entries =
      std::to_array<EnumEntry<SentenceEncoding>>({{SentenceEncoding::BagOfWords, "bow"},
                                                  {SentenceEncoding::Position, "pe"},
                                                  {SentenceEncoding::PositionCentered, "pe_centered"},
                                                  {SentenceEncoding::Position, "position"}});
};

}  // namespace mann
