#pragma once
// The recurrent attention model (Mnih et al. 2014, "Recurrent Models of Visual Attention"), for image
// classification:
//   glimpse network  rho = glimpse(x, l) (patch x patch at `scales` scales); h_g = relu(W rho),
//                    h_l = relu(W l), g = relu(W [h_g, h_l]);
//   core             h_t = relu(W [h_{t-1}, g_t]) (or an LSTM / GRU cell);
//   location         where to look next from h_t: the Gaussian policy around tanh(W h_t) (RAM), or a grid of
//                    candidate centres chosen by an addressing module (grid_attention.h);
//   classifier       class scores W h_T on the last state.
// The first glimpse is at a uniformly random location (as the reference). The learned baseline of the
// REINFORCE term reads the (gradient-stopped) core state that made each choice.
//
// Parameters under the model's scope: glimpse/{what,where,combine}, core, location (mean and
// location/baseline), grid (the grid module's), classifier.
#include <memory>
#include <optional>
#include <vector>

#include "framework/addressing/gaussian_location.h"
#include "framework/nn/linear.h"
#include "framework/nn/recurrent_stack.h"
#include "models/image/image_model.h"
#include "models/ram/grid_attention.h"
#include "models/ram/ram_options.h"

namespace mann {

// Where one forward pass looked, for views.
struct GlimpsePath {
  std::vector<Matrix> locations;     // per glimpse (B x 2): x, y in [-1, 1]
  std::vector<Matrix> grid_weights;  // grid attention: per glimpse after the first (B x G*G)
};

class RamModel : public ImageModel {
 public:
  /// A model for images of `image` shape and `classes` classes. `grid_addressing` builds the grid module
  /// for the grid attentions (unused for gaussian). Throws UserError for a non-positive size.
  RamModel(const ParamScope& scope, const ImageShape& image, int classes, const RamOptions& options, Rng& rng,
           const AddressingModuleFactory& grid_addressing);

  Var logits(Tape& tape, Var pixels, AddressingContext& ctx) override { return forward(tape, pixels, ctx); }
  bool needs_reinforce() const override;
  bool stochastic() const override { return true; }  // the first location is random
  std::string describe() const override;

  /// The class scores; `path`, when given, receives the locations (and grid weights). With
  /// `fixed_locations` (one (B x 2) matrix per glimpse) the model looks there instead of choosing, and no
  /// choice is logged: the differentiable rest of the model alone (gradient checks).
  Var forward(Tape& tape, Var pixels, AddressingContext& ctx, GlimpsePath* path = nullptr,
              const std::vector<Matrix>* fixed_locations = nullptr);

  const RamOptions& options() const { return options_; }
  /// The image shape the model reads.
  const ImageShape& image() const { return image_; }
  /// The grid of candidate centres (grid attention only, else null).
  const GridAttention* grid() const { return grid_ ? &*grid_ : nullptr; }

 private:
  // g from a glimpse and its location.
  Var glimpse_features(Tape& tape, Var rho, Var location) const;
  // The next core state from g.
  Var core_step(Tape& tape, Var g, RecurrentStack::State& state, Var h) const;

  ImageShape image_;
  RamOptions options_;
  Linear what_, where_, combine_;
  std::optional<Linear> rnn_core_;
  std::optional<RecurrentStack> cell_core_;
  std::optional<Linear> location_mean_;  // gaussian only
  std::optional<GaussianLocationPolicy> policy_;
  std::optional<GridAttention> grid_;
  Linear classifier_;
};

}  // namespace mann
