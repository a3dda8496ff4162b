using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoChecks.Tests;

/// <summary>
/// Reads an assembly's metadata (no loading, no reflection) and lists everything nanoFramework 1.x
/// cannot run although its mscorlib lets it compile: generic type and method definitions, generic
/// parameters, generic instantiations (TypeSpec, MethodSpec, and inside any signature), references
/// to generic types, and multidimensional arrays.
/// </summary>
public static class MetadataScanner
{
    public const string GenericTypeDefinition = "generic type definition";
    public const string GenericMethodDefinition = "generic method definition";
    public const string GenericParameter = "generic parameter";
    public const string GenericTypeSpec = "generic TypeSpec";
    public const string GenericMethodSpec = "generic MethodSpec";
    public const string GenericTypeReference = "reference to a generic type";
    public const string GenericInSignature = "generic in a signature";
    public const string MultidimensionalArray = "multidimensional array";

    /// <summary>Every finding as "kind: where", in metadata order.</summary>
    public static List<string> Scan(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        var names = new NameProvider(md);
        var found = new List<string>();

        foreach (TypeDefinitionHandle th in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            string typeName = names.Of(th);
            if (type.GetGenericParameters().Count > 0)
            {
                found.Add($"{GenericTypeDefinition}: {typeName}");
            }

            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                FieldDefinition field = md.GetFieldDefinition(fh);
                names.Check(found, $"field {typeName}.{md.GetString(field.Name)}", () => field.DecodeSignature(names, null));
            }

            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(mh);
                string methodName = $"{typeName}.{md.GetString(method.Name)}";
                if (method.GetGenericParameters().Count > 0)
                {
                    found.Add($"{GenericMethodDefinition}: {methodName}");
                }

                names.Check(found, $"method {methodName}", () => Describe(method.DecodeSignature(names, null)));
            }
        }

        for (int row = 1; row <= md.GetTableRowCount(TableIndex.GenericParam); row++)
        {
            GenericParameter p = md.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
            string owner = p.Parent.Kind == HandleKind.TypeDefinition
                ? names.Of((TypeDefinitionHandle)p.Parent)
                : names.MethodName(p.Parent);
            found.Add($"{GenericParameter}: {md.GetString(p.Name)} of {owner}");
        }

        for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            TypeSpecification spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
            names.Check(found, "TypeSpec", () => spec.DecodeSignature(names, null), GenericTypeSpec);
        }

        for (int row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            MethodSpecification spec = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
            ImmutableArray<string> args = spec.DecodeSignature(names, null);
            found.Add($"{GenericMethodSpec}: {names.MethodName(spec.Method)}<{string.Join(",", args)}>");
        }

        foreach (TypeReferenceHandle rh in md.TypeReferences)
        {
            string name = names.Of(rh);
            if (name.Contains('`'))
            {
                found.Add($"{GenericTypeReference}: {name}");
            }
        }

        foreach (MemberReferenceHandle mh in md.MemberReferences)
        {
            MemberReference member = md.GetMemberReference(mh);
            string where = $"member reference {md.GetString(member.Name)}";
            if (member.GetKind() == MemberReferenceKind.Field)
            {
                names.Check(found, where, () => member.DecodeFieldSignature(names, null));
            }
            else
            {
                names.Check(found, where, () => Describe(member.DecodeMethodSignature(names, null)));
            }
        }

        for (int row = 1; row <= md.GetTableRowCount(TableIndex.StandAloneSig); row++)
        {
            StandaloneSignature sig = md.GetStandaloneSignature(MetadataTokens.StandaloneSignatureHandle(row));
            if (sig.GetKind() == StandaloneSignatureKind.LocalVariables)
            {
                names.Check(found, $"locals #{row}", () => string.Join(",", sig.DecodeLocalSignature(names, null)));
            }
            else
            {
                names.Check(found, $"call site #{row}", () => Describe(sig.DecodeMethodSignature(names, null)));
            }
        }

        return found;
    }

    /// <summary>Names of the assemblies <paramref name="path"/> references.</summary>
    public static List<string> ReferencedAssemblies(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
    }

    /// <summary>Full names of the types <paramref name="path"/> defines.</summary>
    public static List<string> DefinedTypes(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        var names = new NameProvider(md);
        return md.TypeDefinitions.Select(names.Of).ToList();
    }

    private static string Describe(MethodSignature<string> sig) =>
        $"{sig.ReturnType}({string.Join(",", sig.ParameterTypes)})";

    /// <summary>Turns signatures into readable type names and remembers whether a generic or an md-array was in them.</summary>
    private sealed class NameProvider : ISignatureTypeProvider<string, object>
    {
        private readonly MetadataReader _md;
        private bool _sawGeneric;
        private bool _sawMdArray;

        public NameProvider(MetadataReader md) => _md = md;

        /// <summary>Decodes one signature and records a finding if a generic or a multidimensional array is in it.</summary>
        public void Check(List<string> found, string where, Func<string> decode, string genericKind = GenericInSignature)
        {
            _sawGeneric = false;
            _sawMdArray = false;
            string text = decode();
            if (_sawGeneric)
            {
                found.Add($"{genericKind}: {where}: {text}");
            }

            if (_sawMdArray)
            {
                found.Add($"{MultidimensionalArray}: {where}: {text}");
            }
        }

        public string Of(TypeDefinitionHandle h)
        {
            TypeDefinition t = _md.GetTypeDefinition(h);
            string name = _md.GetString(t.Name);
            TypeDefinitionHandle outer = t.GetDeclaringType();
            if (!outer.IsNil)
            {
                return Of(outer) + "/" + name;
            }

            string ns = _md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string Of(TypeReferenceHandle h)
        {
            TypeReference t = _md.GetTypeReference(h);
            string name = _md.GetString(t.Name);
            if (t.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return Of((TypeReferenceHandle)t.ResolutionScope) + "/" + name;
            }

            string ns = _md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string MethodName(EntityHandle h)
        {
            if (h.Kind == HandleKind.MethodDefinition)
            {
                MethodDefinition m = _md.GetMethodDefinition((MethodDefinitionHandle)h);
                return Of(m.GetDeclaringType()) + "." + _md.GetString(m.Name);
            }

            MemberReference r = _md.GetMemberReference((MemberReferenceHandle)h);
            return _md.GetString(r.Name);
        }

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            _sawMdArray = true;
            return $"{elementType}[{new string(',', shape.Rank - 1)}]";
        }

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method* " + Describe(signature);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            _sawGeneric = true;
            return $"{genericType}<{string.Join(",", typeArguments)}>";
        }

        public string GetGenericMethodParameter(object genericContext, int index)
        {
            _sawGeneric = true;
            return "!!" + index;
        }

        public string GetGenericTypeParameter(object genericContext, int index)
        {
            _sawGeneric = true;
            return "!" + index;
        }

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType + " pinned";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString().ToLowerInvariant();

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Of(handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Of(handle);

        public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
