using System.Collections.Generic;

namespace GenericsFixture
{
    /// <summary>Uses generics from outside: a List&lt;int&gt; field, a float? field, a call to a generic method.</summary>
    public class Holder
    {
        public List<int> Numbers = new List<int>();

        public float? Maybe;

        /// <summary>A generic method definition.</summary>
        public static T Identity<T>(T value)
        {
            return value;
        }

        /// <summary>Instantiates the generic method (a MethodSpec).</summary>
        public int UseIdentity()
        {
            return Identity(3);
        }
    }

    /// <summary>A generic type definition.</summary>
    public class Box<T>
    {
        public T Value;
    }
}

namespace GenericsFixture
{
    /// <summary>No generics, but a multidimensional array, which nanoFramework cannot run either.</summary>
    public class Grid
    {
        public int[,] Cells = new int[2, 2];
    }
}
