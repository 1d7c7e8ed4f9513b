using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>The package sets a new root starts with; administrators edit them in codeenv.json.</summary>
    public static class DefaultPackageSets
    {
        public static Dictionary<string, List<string>> Create() => new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Visual Machine Learning"] = new List<string> { "scipy", "scikit-learn", "jinja2", "xgboost" },
            ["Deep Learning with TensorFlow (CPU)"] = new List<string> { "tensorflow-cpu", "h5py", "pillow" },
            ["Deep Learning with TensorFlow (GPU)"] = new List<string> { "tensorflow[and-cuda]", "h5py", "pillow" },
            ["Deep Learning with PyTorch (CPU)"] = new List<string> { "torch", "torchvision", "pillow" },
            ["Deep Learning with PyTorch (GPU)"] = new List<string> { "torch", "torchvision", "pillow", "nvidia-ml-py" },
        };
    }
}
