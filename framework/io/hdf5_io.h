#pragma once
// Typed reads and writes of the few HDF5 shapes a checkpoint uses: scalar string / int64 / double
// attributes, string datasets, float 2-D matrices, float64 1-D vectors, and nested names. Every reader
// checks type class and rank, so a hand-edited or foreign file fails with a message naming the object,
// never with garbage values. All failures throw h5::Error.
#include <cstdint>
#include <string>
#include <vector>

#include "framework/autodiff/matrix.h"
#include "framework/io/hdf5_handle.h"

namespace mann::h5 {

// Refuses names that cannot be an HDF5 path below a group: empty, leading/trailing or doubled '/', or
// "." / ".." components. `what` names the kind of name for the message ("parameter name").
void check_relative_path(const std::string& name, const std::string& what);

// True when `path` (relative, may be nested) names an existing object below `loc`.
bool exists(hid_t loc, const std::string& path);
bool has_attribute(hid_t obj, const std::string& name);

Handle create_group(hid_t loc, const std::string& path);  // creates missing intermediate groups too
Handle open_group(hid_t loc, const std::string& path);

// Relative paths of all datasets below `group` (recursively), sorted by name.
std::vector<std::string> dataset_paths(hid_t group);
std::vector<std::string> attribute_names(hid_t obj);

void write_attribute(hid_t obj, const std::string& name, const std::string& value);  // UTF-8 vlen string
void write_attribute(hid_t obj, const std::string& name, int64_t value);
void write_attribute(hid_t obj, const std::string& name, double value);
void write_attribute(hid_t obj, const std::string& name, const std::vector<std::string>& values);
void write_attribute(hid_t obj, const std::string& name, const std::vector<int64_t>& values);  // 1-D int64

std::string read_string_attribute(hid_t obj, const std::string& name);  // vlen or fixed-length
int64_t read_int64_attribute(hid_t obj, const std::string& name);
double read_double_attribute(hid_t obj, const std::string& name);
std::vector<std::string> read_string_array_attribute(hid_t obj, const std::string& name);
std::vector<int64_t> read_int64_array_attribute(hid_t obj, const std::string& name);
// The attribute's type class (H5T_STRING, H5T_INTEGER, H5T_FLOAT, ...).
H5T_class_t attribute_class(hid_t obj, const std::string& name);

void write_string(hid_t loc, const std::string& path, const std::string& value);
void write_matrix(hid_t loc, const std::string& path, const Matrix& value);  // float32, rows x cols
void write_vector(hid_t loc, const std::string& path, const std::vector<double>& value);  // float64, 1-D

std::string read_string(hid_t loc, const std::string& path);
Matrix read_matrix(hid_t loc, const std::string& path);
std::vector<double> read_vector(hid_t loc, const std::string& path);

}  // namespace mann::h5
