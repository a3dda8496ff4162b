using System.Reflection;
using HeatPump.Control;
using HeatPump.Control.Protection;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>
/// The tick copies its structs field by field (CopyFrom), because on nanoCLR a whole-struct copy is a
/// heap allocation. A field added to one of them and forgotten in its CopyFrom would silently stop
/// reaching the controller, the guard or the outputs: these tests fail instead.
/// </summary>
public class StructCopyTests
{
    [Theory]
    [InlineData(typeof(OutputState))]
    [InlineData(typeof(GuardFeedback))]
    [InlineData(typeof(ValidatedInputs))]
    public void CopyFrom_carries_every_field(Type type)
    {
        object source = Activator.CreateInstance(type)!;
        int next = 1;
        Fill(source, ref next);

        object target = Activator.CreateInstance(type)!;
        MethodInfo copy = type.GetMethod("CopyFrom", new[] { type.MakeByRefType() })!;
        Assert.NotNull(copy);
        copy.Invoke(target, new[] { source });

        foreach (FieldInfo f in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(Equals(f.GetValue(source), f.GetValue(target)), $"{type.Name}.CopyFrom does not copy {f.Name}");
        }

        Assert.NotEqual(Activator.CreateInstance(type), source); // the filled source differs from a default one
    }

    /// <summary>Sets every field of the boxed struct to a value no default has, nested structs included.</summary>
    private static void Fill(object boxed, ref int next)
    {
        foreach (FieldInfo f in boxed.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Type t = f.FieldType;
            object value;
            if (t == typeof(bool))
            {
                value = true;
            }
            else if (t.IsEnum)
            {
                value = Enum.ToObject(t, 1);
            }
            else if (t.IsPrimitive)
            {
                value = Convert.ChangeType(next++, t);
            }
            else
            {
                value = Activator.CreateInstance(t)!;
                Fill(value, ref next);
            }

            f.SetValue(boxed, value);
        }
    }
}
