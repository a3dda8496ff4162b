// Declarations only: the members of nanoFramework.TestFramework 3.0.75 that tests/NFUnitTest uses,
// with the package's namespace and signatures. Bodies throw. Never shipped: see README.md.
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    public sealed partial class Assert
    {
        public static void IsTrue(bool condition, string message = "") => throw new NotImplementedException();
    }

    public static class OutputHelper
    {
        public static void WriteLine(string message) => throw new NotImplementedException();
    }
}
