#pragma once
// Glimpse locations chosen from a G x G grid of candidate centres by an addressing module, the discrete
// alternative to the recurrent attention model's Gaussian location policy (gaussian_location.h).
//
// The candidates are the centres of the cells of a G x G partition of [-1, 1]^2. Their keys are one-hot
// rows (GridKeys::Cells), so a soft_content scorer with dot scores and a projected query turns the core
// state into one location logit per candidate (a linear map); or each key is the one-hot of the cell's
// column beside the one-hot of its row (GridKeys::Axes), so the logit of cell (x, y) is f(x) + g(y) and the
// distribution a product of its marginals, at 2G key columns instead of G^2. The module's weighting (B x G*G)
// then says what is read:
//   a module that needs REINFORCE (hard): its weights are sampled one-hots; only the chosen glimpse is
//     read, at the chosen centre, and the module's choice is trained through the policy log;
//   a stochastic module that does not (gumbel): the relaxed mix of every candidate's glimpse when training
//     (straight-through: the forward value is the chosen glimpse, the gradient reaches every logit), the
//     chosen glimpse alone at evaluation;
//   a deterministic module (soft_content): every candidate's glimpse, weighted, always (G*G glimpses per
//     step: the price of a differentiable choice).
// The location the glimpse network sees is the weighted mean of the centres (differentiable when mixed).
#include <memory>
#include <string>
#include <vector>

#include "framework/autodiff/image_shape.h"
#include "framework/autodiff/parameter.h"
#include "framework/components/addressing_components.h"
#include "models/ram/ram_options.h"

namespace mann {

// What one step of grid attention read.
struct GridRead {
  Var glimpse;   // (B x C*scales*patch^2): the (mixed) glimpse
  Var location;  // (B x 2): the weighted mean of the centres
  Var weights;   // (B x G*G): the module's weighting over the candidates (row-major: y, then x)
};

class GridAttention {
 public:
  /// A G x G grid (grid >= 2) whose module, built by `addressing` under scope, reads queries of
  /// query_width. Throws UserError for grid < 2 or > 32 (1,024 candidates).
  GridAttention(const ParamScope& scope, int grid, GridKeys keys, Index query_width,
                const AddressingModuleFactory& addressing, Rng& rng);

  /// Chooses where to look from `query` (B x query_width, the core state) and reads the glimpse of
  /// patch x patch pixels at `scales` scales from `pixels` (B x shape.size()).
  GridRead read(Tape& tape, Var pixels, const ImageShape& shape, Var query, Index patch, Index scales,
                AddressingContext& ctx);

  /// The candidate centres (G*G x 2: x, y in [-1, 1]), row-major over the grid.
  const Matrix& centres() const { return centres_; }
  /// G, the candidates per side.
  int grid() const { return grid_; }
  /// Whether the module's choices are trained by REINFORCE.
  bool needs_reinforce() const { return module_->needs_reinforce(); }
  /// Whether the module draws random numbers when training.
  bool stochastic() const { return module_->stochastic(); }
  /// The module's registry type ("hard", "gumbel", "soft_content").
  std::string type() const { return module_->type(); }

 private:
  // Resizes the per-batch constants (keys, each candidate's location rows) for a batch of `batch`.
  void fit_batch(Index batch);

  int grid_;
  GridKeys key_kind_;
  Matrix centres_;
  std::unique_ptr<AddressingModule> module_;
  Index batch_ = -1;
  // (B*K x key width): every candidate's key, per example. A buffer-like parameter (not trainable, in no
  // collection), so a graph binds it once and reads it in place (Tape::param) instead of copying it onto
  // the tape at every glimpse step.
  Parameter keys_{"grid_keys", Matrix()};
  std::vector<Matrix> candidate_locations_;  // K matrices (B x 2), candidate k's centre in every row
};

}  // namespace mann
