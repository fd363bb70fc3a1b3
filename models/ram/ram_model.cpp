#include "models/ram/ram_model.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/ops_image.h"

namespace mann {
namespace {

void check_positive(int value, const char* name) {
  if (value <= 0) throw UserError(std::string("ram: ") + name + " must be positive");
}

Index glimpse_width(const ImageShape& image, const RamOptions& o) {
  return glimpse_output_shape(image, o.patch, o.scales).size();
}

const RamOptions& checked(const RamOptions& o) {
  check_positive(o.glimpses, "glimpses");
  check_positive(o.patch, "patch");
  check_positive(o.scales, "scales");
  check_positive(o.glimpse_hidden, "glimpse_hidden");
  check_positive(o.glimpse_out, "glimpse_out");
  check_positive(o.hidden, "hidden");
  return o;
}

}  // namespace

RamModel::RamModel(const ParamScope& scope, const ImageShape& image, int classes, const RamOptions& options,
                   Rng& rng, const AddressingModuleFactory& grid_addressing)
    : image_(image),
      options_(checked(options)),
      what_(scope.sub("glimpse/what"), glimpse_width(image, options), options.glimpse_hidden, rng),
      where_(scope.sub("glimpse/where"), 2, options.glimpse_hidden, rng),
      combine_(scope.sub("glimpse/combine"), 2 * options.glimpse_hidden, options.glimpse_out, rng),
      classifier_(scope.sub("classifier"), options.hidden, classes, rng) {
  if (options.core == RamCoreKind::Rnn)
    rnn_core_.emplace(scope.sub("core"), options.hidden + options.glimpse_out, options.hidden, rng);
  else
    cell_core_.emplace(options.core == RamCoreKind::Lstm ? RnnKind::Lstm : RnnKind::Gru,
                       single_layer(scope.sub("core")), options.glimpse_out, options.hidden, 1, rng);
  if (options.attention == RamAttention::Gaussian) {
    location_mean_.emplace(scope.sub("location"), options.hidden, 2, rng);
    GaussianLocationOptions policy;
    policy.stddev = options.stddev;
    policy.baseline = BaselineKind::Learned;  // b_t = W h_t, as the reference
    policy_.emplace(scope.sub("location"), options.hidden, rng, policy);
  } else {
    grid_.emplace(scope.sub("grid"), options.grid, options.grid_keys, options.hidden, grid_addressing, rng);
  }
}

bool RamModel::needs_reinforce() const {
  return policy_.has_value() || grid_->needs_reinforce();
}

std::string RamModel::describe() const {
  return "ram (" + std::string(enum_name(options_.attention)) + ", " + std::to_string(options_.glimpses) +
         " glimpses)";
}

Var RamModel::glimpse_features(Tape& tape, Var rho, Var location) const {
  Var what = relu(what_(tape, rho));
  Var where = relu(where_(tape, location));
  return relu(combine_(tape, concat_cols({what, where})));
}

Var RamModel::core_step(Tape& tape, Var g, RecurrentStack::State& state, Var h) const {
  if (rnn_core_) return relu((*rnn_core_)(tape, concat_cols({h, g})));
  return cell_core_->step(tape, g, state);
}

Var RamModel::forward(Tape& tape, Var pixels, AddressingContext& ctx, GlimpsePath* path,
                      const std::vector<Matrix>* fixed_locations) {
  const Index batch = pixels.rows();
  const auto fixed = [&](int t) -> const Matrix& { return (*fixed_locations)[static_cast<std::size_t>(t)]; };
  if (fixed_locations && static_cast<int>(fixed_locations->size()) != options_.glimpses)
    throw std::logic_error("ram: fixed_locations needs one matrix per glimpse");
  if (!fixed_locations && options_.first_glimpse == RamFirstGlimpse::Random && !ctx.rng)
    throw std::logic_error("ram: a random first location needs ctx.rng");

  RecurrentStack::State cell_state;
  if (cell_core_) cell_state = cell_core_->initial_state(tape, batch);
  Var h = rnn_core_ ? tape.constant(batch, options_.hidden, 0.f) : Var{};
  Matrix first = fixed_locations ? fixed(0)
                 : options_.first_glimpse == RamFirstGlimpse::Centre
                     ? Matrix::Zero(batch, 2)
                     : ctx.rng->uniform_matrix(batch, 2, -1.f, 1.f);
  Var location = tape.constant(first);
  Var rho = glimpse(pixels, image_, first, options_.patch, options_.scales);
  if (path) path->locations.push_back(std::move(first));
  for (int t = 0; t < options_.glimpses; ++t) {
    if (t > 0) {
      if (fixed_locations) {
        location = tape.constant(fixed(t));
        rho = glimpse(pixels, image_, fixed(t), options_.patch, options_.scales);
      } else if (policy_) {
        location = policy_->sample(tape, tanh((*location_mean_)(tape, h)), h, ctx);
        rho = glimpse(pixels, image_, location.value(), options_.patch, options_.scales);
      } else {
        GridRead read = grid_->read(tape, pixels, image_, h, options_.patch, options_.scales, ctx);
        location = read.location;
        rho = read.glimpse;
        if (path) path->grid_weights.push_back(read.weights.value());
      }
      if (path) path->locations.push_back(location.value());
    }
    h = core_step(tape, glimpse_features(tape, rho, location), cell_state, h);
  }
  return classifier_(tape, h);
}

}  // namespace mann
