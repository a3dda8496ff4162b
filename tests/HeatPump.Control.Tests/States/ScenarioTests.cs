using System.Reflection;
using HeatPump.Scenarios;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>Runs every shared state-machine scenario (the same list NFUnitTest runs on nanoCLR).</summary>
public class ScenarioTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        for (int i = 0; i < ScenarioCatalog.Count; i++)
        {
            data.Add(ScenarioCatalog.Name(i));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Scenario(string name)
    {
        int index = Enumerable.Range(0, ScenarioCatalog.Count).Single(i => ScenarioCatalog.Name(i) == name);
        ScenarioCatalog.Run(index);
    }

    [Fact]
    public void Catalog_lists_every_public_scenario_method()
    {
        var methods = typeof(ScenarioCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == "HeatPump.Scenarios" && t.Name.EndsWith("Scenarios"))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(void) && m.GetParameters().Length == 0)
                .Select(m => t.Name.Replace("Scenarios", "") + "." + m.Name))
            .OrderBy(n => n).ToArray();
        var listed = Enumerable.Range(0, ScenarioCatalog.Count).Select(ScenarioCatalog.Name).OrderBy(n => n).ToArray();
        Assert.Equal(methods, listed);
    }

    [Fact]
    public void Each_catalog_name_is_the_name_of_the_method_it_runs()
    {
        // Two rows with their bodies swapped would still run every scenario once; this catches it.
        for (int i = 0; i < ScenarioCatalog.Count; i++)
        {
            MethodInfo m = ScenarioCatalog.Body(i).Method;
            Assert.Equal(ScenarioCatalog.Name(i), m.DeclaringType.Name.Replace("Scenarios", "") + "." + m.Name);
        }
    }
}

/// <summary>Every row of the transition table is taken by some scenario, so the documented diagram is exercised end to end.</summary>
public class TransitionCoverageTests
{
    [Fact]
    public void Scenarios_take_every_transition_in_the_table()
    {
        for (int i = 0; i < ScenarioCatalog.Count; i++)
        {
            try
            {
                ScenarioCatalog.Run(i);
            }
            catch (ScenarioFailedException)
            {
                // Reported by ScenarioTests; coverage counts what the passing ones took.
            }
        }

        var missing = Enumerable.Range(0, States.TransitionTable.Count)
            .Where(i => Rig.Coverage[i] == 0)
            .Select(i => States.TransitionTable.At(i))
            .Select(t => $"{t.From}.{t.FromSub} -> {t.To}.{t.ToSub} ({t.Trigger})")
            .ToList();
        Assert.True(missing.Count == 0, "transitions no scenario takes:\n" + string.Join("\n", missing));
    }
}
