#include "tools/attention_file.h"

#include <system_error>

#include "framework/autodiff/errors.h"
#include "framework/io/atomic_file.h"
#include "framework/io/hdf5_io.h"

namespace mann {
namespace {

void write_panel(hid_t file, const std::string& name, const plot::HeatmapSpec& panel) {
  h5::check_relative_path(name, "panel name");
  h5::write_matrix(file, name, panel.values);
  h5::Handle dataset(H5Dopen2(file, name.c_str(), H5P_DEFAULT), "cannot open dataset " + name);
  h5::write_attribute(dataset, "title", panel.title);
  h5::write_attribute(dataset, "x_title", panel.x_title);
  h5::write_attribute(dataset, "y_title", panel.y_title);
  h5::write_attribute(dataset, "row_labels", panel.row_labels);
  h5::write_attribute(dataset, "col_labels", panel.col_labels);
  h5::write_attribute(dataset, "marked_rows",
                      std::vector<int64_t>(panel.marked_rows.begin(), panel.marked_rows.end()));
}

}  // namespace

void write_attention_h5(const AttentionView& view,
                        const std::vector<std::pair<std::string, std::string>>& about,
                        const std::filesystem::path& out) {
  if (view.panel_names.size() != view.panels.size())
    throw std::logic_error("attention view with " + std::to_string(view.panels.size()) + " panels but " +
                           std::to_string(view.panel_names.size()) + " panel names");
  const h5::QuietErrors quiet;
  try {
    write_atomically(out, [&](const std::filesystem::path& temp) {
      h5::Handle file(H5Fcreate(temp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                      "cannot create " + temp.string());
      h5::write_attribute(file, "format", std::string("mann-attention"));
      h5::write_attribute(file, "title", view.title);
      h5::write_attribute(file, "panels", view.panel_names);
      for (const auto& [key, value] : about) h5::write_attribute(file, key, value);
      for (size_t i = 0; i < view.panels.size(); ++i) write_panel(file, view.panel_names[i], view.panels[i]);
      h5::check(H5Fflush(file, H5F_SCOPE_GLOBAL), "cannot flush " + temp.string());
      file.close("cannot close " + temp.string());
    });
  } catch (const h5::Error& e) {
    throw UserError("cannot write " + out.string() + ": " + e.what());
  } catch (const std::system_error& e) {
    throw UserError("cannot write " + out.string() + ": " + e.what());
  }
}

}  // namespace mann
