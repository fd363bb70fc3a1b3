#include "framework/components/training_components.h"

#include "framework/components/spec_helpers.h"
#include "framework/train/adam.h"
#include "framework/train/graves_rmsprop.h"
#include "framework/train/rmsprop.h"
#include "framework/train/schedule.h"
#include "framework/train/sgd.h"

namespace mann {
namespace {

void register_optimizers(Registry& r) {
  const SGDOptions sgd;
  r.add<Optimizer, OptimizerContext>(
      {"optimizer",
       "sgd",
       "Stochastic gradient descent with optional momentum (MemN2N uses plain SGD).",
       {option("lr", "float", sgd.learning_rate, "learning rate (the schedule's base rate)").in(above(0)),
        option("momentum", "float", sgd.momentum, "heavy-ball momentum").in(from_up_to_excluding(0, 1)),
        option("weight_decay", "float", sgd.weight_decay, "L2 penalty added to the gradient")
            .in(at_least(0))}},
      [](const ConfigView& v, OptimizerContext&) -> std::unique_ptr<Optimizer> {
        return std::make_unique<SGD>(
            SGDOptions{v.get<float>("lr"), v.get<float>("momentum"), v.get<float>("weight_decay")});
      });
  const AdamOptions adam;
  r.add<Optimizer, OptimizerContext>(
      {"optimizer",
       "adam",
       "Adam (Kingma & Ba 2015) with bias correction.",
       {option("lr", "float", adam.learning_rate, "learning rate").in(above(0)),
        option("beta1", "float", adam.beta1, "decay of the first-moment average")
            .in(from_up_to_excluding(0, 1)),
        option("beta2", "float", adam.beta2, "decay of the second-moment average")
            .in(from_up_to_excluding(0, 1)),
        option("eps", "float", adam.eps, "denominator guard").in(above(0)),
        option("weight_decay", "float", adam.weight_decay, "L2 penalty added to the gradient")
            .in(at_least(0))}},
      [](const ConfigView& v, OptimizerContext&) -> std::unique_ptr<Optimizer> {
        return std::make_unique<Adam>(AdamOptions{v.get<float>("lr"), v.get<float>("beta1"),
                                                  v.get<float>("beta2"), v.get<float>("eps"),
                                                  v.get<float>("weight_decay")});
      });
  const RMSPropOptions rms;
  r.add<Optimizer, OptimizerContext>(
      {"optimizer",
       "rmsprop",
       "RMSProp (Tieleman & Hinton 2012), optional momentum.",
       {option("lr", "float", rms.learning_rate, "learning rate").in(above(0)),
        option("alpha", "float", rms.alpha, "decay of the squared-gradient average")
            .in(from_up_to_excluding(0, 1)),
        option("eps", "float", rms.eps, "denominator guard").in(above(0)),
        option("momentum", "float", rms.momentum, "momentum on the scaled step")
            .in(from_up_to_excluding(0, 1))}},
      [](const ConfigView& v, OptimizerContext&) -> std::unique_ptr<Optimizer> {
        return std::make_unique<RMSProp>(RMSPropOptions{v.get<float>("lr"), v.get<float>("alpha"),
                                                        v.get<float>("eps"), v.get<float>("momentum")});
      });
  const GravesRMSPropOptions graves;
  r.add<Optimizer, OptimizerContext>(
      {"optimizer",
       "graves_rmsprop",
       "Centred RMSProp with momentum of Graves (2013), the optimizer of the NTM paper.",
       {option("lr", "float", graves.learning_rate, "learning rate").in(above(0)),
        option("alpha", "float", graves.alpha, "decay of the gradient and squared-gradient averages")
            .in(from_up_to_excluding(0, 1)),
        option("momentum", "float", graves.momentum, "momentum").in(from_up_to_excluding(0, 1)),
        option("eps", "float", graves.eps, "denominator guard").in(above(0))}},
      [](const ConfigView& v, OptimizerContext&) -> std::unique_ptr<Optimizer> {
        return std::make_unique<GravesRMSProp>(GravesRMSPropOptions{
            v.get<float>("lr"), v.get<float>("alpha"), v.get<float>("momentum"), v.get<float>("eps")});
      });
}

void register_schedules(Registry& r) {
  r.add<Schedule, ScheduleContext>({"schedule", "constant", "The optimizer's learning rate throughout.", {}},
                                   [](const ConfigView&, ScheduleContext& c) -> std::unique_ptr<Schedule> {
                                     return std::make_unique<ConstantSchedule>(c.base_learning_rate);
                                   });
  r.add<Schedule, ScheduleContext>(
      {"schedule",
       "step",
       "Multiply the rate by `factor` every `every` epochs (MemN2N: 0.5 every 25).",
       {option("factor", "float", 0.5f, "multiplier applied at each decay").in(above(0)),
        option("every", "int", 25, "epochs between decays (steps for datasets without epochs)")}},
      [](const ConfigView& v, ScheduleContext& c) -> std::unique_ptr<Schedule> {
        if (v.get<int>("every") <= 0) v.fail("every", "must be positive");
        return std::make_unique<StepDecaySchedule>(c.base_learning_rate, v.get<float>("factor"),
                                                   v.get<int>("every"));
      });
  r.add<Schedule, ScheduleContext>(
      {"schedule",
       "exponential",
       "lr = base * gamma^t (t in epochs, or steps without epochs).",
       {option("gamma", "float", 0.99f, "decay per epoch or step").in(above(0))}},
      [](const ConfigView& v, ScheduleContext& c) -> std::unique_ptr<Schedule> {
        return std::make_unique<ExponentialSchedule>(c.base_learning_rate, v.get<float>("gamma"));
      });
  r.add<Schedule, ScheduleContext>(
      {"schedule",
       "cosine",
       "Cosine annealing from the base rate to min_lr over `period`.",
       {option("period", "int", 0,
               "epochs (or steps, for datasets without epochs) of the annealing; 0: the whole run, so that "
               "`--set train.steps=N` keeps the rate annealing to the end")
            .in(at_least(0)),
        option("min_lr", "float", 0.f, "final learning rate").in(at_least(0))}},
      [](const ConfigView& v, ScheduleContext& c) -> std::unique_ptr<Schedule> {
        const int64_t period = schedule_follows_run_length(v.node()) ? c.run_length : v.get<int>("period");
        return std::make_unique<CosineSchedule>(c.base_learning_rate, v.get<float>("min_lr"), period);
      });
}

}  // namespace

bool schedule_follows_run_length(const ConfigNode& schedule) {
  const ConfigNode* type = schedule.find("type");
  if (!type || type->as<std::string>() != "cosine") return false;
  const ConfigNode* period = schedule.find("period");
  return !period || period->as<int64_t>() == 0;
}

void register_training_components(Registry& registry) {
  register_optimizers(registry);
  register_schedules(registry);
}

}  // namespace mann
