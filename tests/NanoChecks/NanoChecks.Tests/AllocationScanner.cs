using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoChecks.Tests;

/// <summary>One place where nanoCLR takes memory from its managed heap.</summary>
/// <param name="Method">Declaring type and method name, e.g. HeatPump.Control.ControlCore.Step, with the parameter types when the name is overloaded.</param>
/// <param name="ILOffset">Offset of the instruction in the method body; -1 for a site that is the method's frame or signature.</param>
/// <param name="Kind">One of the <see cref="AllocationScanner"/> kind constants.</param>
/// <param name="Detail">The type, member or local the site is about.</param>
public sealed record AllocationSite(string Method, int ILOffset, string Kind, string Detail)
{
    /// <summary>"Method IL_0012: kind: detail", or "Method (frame): kind: detail".</summary>
    public override string ToString() =>
        $"{Method} {(ILOffset < 0 ? "(frame)" : $"IL_{ILOffset:x4}")}: {Kind}: {Detail}";

    /// <summary>The site without its IL offset, which moves with every edit: the key an allow-list uses.</summary>
    public string Key => $"{Method}: {Kind}: {Detail}";
}

/// <summary>What a scan found: the methods it walked and the allocation sites in them.</summary>
public sealed record AllocationReport(IReadOnlyList<string> ReachableMethods, IReadOnlyList<AllocationSite> Sites);

/// <summary>
/// Counts, from the IL, the heap allocations nanoCLR makes in every method reachable from some entry
/// points. nanoCLR's rules (nf-interpreter, docs/testing.md cites the files) differ from the desktop
/// CLR's: a struct that is not a primitive, an enum, DateTime or TimeSpan is a heap object. It is
/// allocated for each such local when the frame is pushed, and copied (a new heap object) every time
/// its value is loaded — which is how a by-value argument or a return is passed. <c>newobj</c>,
/// <c>newarr</c>, <c>box</c> (of anything, primitives too) and <c>ldstr</c> allocate, and so does every
/// call into the runtime that returns a new string.
/// </summary>
public static class AllocationScanner
{
    /// <summary>A local of a struct type: allocated each time the method's frame is pushed (Execution.cpp, InitializeLocals).</summary>
    public const string StructLocal = "struct local";

    /// <summary>A struct value loaded onto the evaluation stack: cloned (Interpreter.cpp, Execute_LoadAndPromote / LoadFromReference).</summary>
    public const string StructCopy = "struct copy";

    /// <summary>A parameter taking a struct by value: every call loads, and so clones, the argument.</summary>
    public const string StructParameter = "by-value struct parameter";

    /// <summary>A method returning a struct by value: its return value is loaded, and so cloned, at every return.</summary>
    public const string StructReturn = "struct return";

    /// <summary>newobj: a new object (or a struct built with a constructor).</summary>
    public const string NewObject = "newobj";

    /// <summary>newarr: a new array.</summary>
    public const string NewArray = "newarr";

    /// <summary>box: nanoCLR boxes primitives into a heap block too.</summary>
    public const string Box = "box";

    /// <summary>ldstr: nanoCLR allocates a string header pointing at the assembly's text each time (CLR_RT_HeapBlock_String.cpp).</summary>
    public const string StringLiteral = "ldstr";

    /// <summary>A call into the runtime that builds a string (Concat, Format, ToString, StringBuilder, ...).</summary>
    public const string StringBuilding = "string building";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// Walks every method of <paramref name="assemblyPath"/> reachable from <paramref name="entryPoints"/>
    /// (each "Namespace.Type.Method", all overloads) through call, callvirt, newobj and ldftn — a
    /// virtual or interface call reaches every override and implementation in the assembly — and
    /// lists each allocation site in them. Calls leaving the assembly are not followed.
    /// </summary>
    /// <param name="assemblyPath">The assembly as compiled against nanoFramework's mscorlib.</param>
    /// <param name="entryPoints">Methods to start from; each must exist.</param>
    /// <param name="referencePaths">Referenced assemblies (mscorlib) used to tell their enums from their structs.</param>
    public static AllocationReport Scan(string assemblyPath, IEnumerable<string> entryPoints, params string[] referencePaths)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var refs = new List<PEReader>();
        try
        {
            foreach (string path in referencePaths)
            {
                refs.Add(new PEReader(File.OpenRead(path)));
            }

            var scan = new Walker(pe, refs.Select(r => r.GetMetadataReader()).ToList());
            return scan.Run(entryPoints);
        }
        finally
        {
            foreach (PEReader r in refs)
            {
                r.Dispose();
            }
        }
    }

    /// <summary>What nanoCLR does with a value of a type: keep it in the stack slot, or hold a heap object.</summary>
    private enum Shape
    {
        /// <summary>Primitive, enum, DateTime, TimeSpan: lives in the slot.</summary>
        Primitive,
        /// <summary>Class, string, array, pointer: a reference in the slot.</summary>
        Reference,
        /// <summary>Managed pointer (ref, out, this of a struct): a reference in the slot.</summary>
        ByRef,
        /// <summary>Any other value type: a heap object.</summary>
        Struct,
    }

    private readonly record struct TypeInfo(string Name, Shape Shape)
    {
        public bool IsStruct => Shape == Shape.Struct;
    }

    private sealed class Walker : ISignatureTypeProvider<TypeInfo, object>
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _md;
        private readonly List<MetadataReader> _refs;
        private readonly Dictionary<string, bool> _externalIsEnum = new();
        private readonly List<AllocationSite> _sites = new();

        public Walker(PEReader pe, List<MetadataReader> refs)
        {
            _pe = pe;
            _md = pe.GetMetadataReader();
            _refs = refs;
        }

        public AllocationReport Run(IEnumerable<string> entryPoints)
        {
            var seen = new HashSet<MethodDefinitionHandle>();
            var work = new Queue<MethodDefinitionHandle>();
            foreach (string entry in entryPoints)
            {
                List<MethodDefinitionHandle> found = _md.MethodDefinitions.Where(h => MethodName(h) == entry).ToList();
                if (found.Count == 0)
                {
                    throw new ArgumentException($"entry point {entry} is not defined in the scanned assembly");
                }

                found.ForEach(work.Enqueue);
            }

            var order = new List<string>();
            while (work.Count > 0)
            {
                MethodDefinitionHandle h = work.Dequeue();
                if (!seen.Add(h))
                {
                    continue;
                }

                order.Add(DisplayName(h));
                foreach (MethodDefinitionHandle callee in ScanMethod(h))
                {
                    work.Enqueue(callee);
                }
            }

            return new AllocationReport(order, _sites);
        }

        /// <summary>Records the sites of one method and returns the methods of this assembly it can call.</summary>
        private List<MethodDefinitionHandle> ScanMethod(MethodDefinitionHandle h)
        {
            var callees = new List<MethodDefinitionHandle>();
            MethodDefinition method = _md.GetMethodDefinition(h);
            string name = DisplayName(h);
            bool isStatic = (method.Attributes & System.Reflection.MethodAttributes.Static) != 0;
            MethodSignature<TypeInfo> sig = method.DecodeSignature(this, null);

            if (sig.ReturnType.IsStruct)
            {
                Add(name, -1, StructReturn, sig.ReturnType.Name);
            }

            var paramNames = new Dictionary<int, string>();
            foreach (ParameterHandle ph in method.GetParameters())
            {
                Parameter p = _md.GetParameter(ph);
                paramNames[p.SequenceNumber] = _md.GetString(p.Name);
            }

            for (int i = 0; i < sig.ParameterTypes.Length; i++)
            {
                if (sig.ParameterTypes[i].IsStruct)
                {
                    Add(name, -1, StructParameter, $"{sig.ParameterTypes[i].Name} {paramNames.GetValueOrDefault(i + 1, "#" + (i + 1))}");
                }
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return callees; // abstract, extern or runtime-implemented: nothing to read
            }

            MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            ImmutableArray<TypeInfo> locals = body.LocalSignature.IsNil
                ? ImmutableArray<TypeInfo>.Empty
                : _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
            for (int i = 0; i < locals.Length; i++)
            {
                if (locals[i].IsStruct)
                {
                    Add(name, -1, StructLocal, $"{locals[i].Name} V_{i}");
                }
            }

            // Argument 0 of an instance method is this: a reference, or a managed pointer for a struct.
            TypeInfo Arg(int index) =>
                isStatic ? sig.ParameterTypes[index] : index == 0 ? new TypeInfo("this", Shape.ByRef) : sig.ParameterTypes[index - 1];

            BlobReader il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                int offset = il.Offset;
                short value = il.ReadByte();
                if (value == 0xFE)
                {
                    value = (short)(0xFE00 | il.ReadByte());
                }

                OpCode op = OpCodesByValue[value];
                int token = 0;
                int varIndex = -1;
                switch (op.OperandType)
                {
                    case OperandType.InlineNone:
                        varIndex = ShortFormIndex(value);
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                        il.ReadByte();
                        break;
                    case OperandType.ShortInlineVar:
                        varIndex = il.ReadByte();
                        break;
                    case OperandType.InlineVar:
                        varIndex = il.ReadUInt16();
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.ReadInt64();
                        break;
                    case OperandType.InlineSwitch:
                        int n = il.ReadInt32();
                        il.Offset += 4 * n;
                        break;
                    case OperandType.InlineBrTarget:
                    case OperandType.InlineI:
                    case OperandType.ShortInlineR:
                        il.ReadInt32();
                        break;
                    default:
                        token = il.ReadInt32();
                        break;
                }

                string opName = op.Name!;
                switch (opName)
                {
                    case "ldloc":
                    case "ldloc.s":
                    case "ldloc.0":
                    case "ldloc.1":
                    case "ldloc.2":
                    case "ldloc.3":
                        if (locals[varIndex].IsStruct)
                        {
                            Add(name, offset, StructCopy, $"{opName} V_{varIndex} ({locals[varIndex].Name})");
                        }

                        break;
                    case "ldarg":
                    case "ldarg.s":
                    case "ldarg.0":
                    case "ldarg.1":
                    case "ldarg.2":
                    case "ldarg.3":
                        if (Arg(varIndex).IsStruct)
                        {
                            Add(name, offset, StructCopy, $"{opName} {varIndex} ({Arg(varIndex).Name})");
                        }

                        break;
                    case "ldfld":
                    case "ldsfld":
                        TypeInfo field = FieldType(token);
                        if (field.IsStruct)
                        {
                            Add(name, offset, StructCopy, $"{opName} {FieldName(token)} ({field.Name})");
                        }

                        break;
                    case "ldobj":
                    case "ldelem":
                    case "unbox.any":
                        TypeInfo loaded = TypeOfToken(token);
                        if (loaded.IsStruct)
                        {
                            Add(name, offset, StructCopy, $"{opName} {loaded.Name}");
                        }

                        break;
                    case "newobj":
                        Add(name, offset, NewObject, MethodNameOfToken(token));
                        break;
                    case "newarr":
                        Add(name, offset, NewArray, TypeOfToken(token).Name + "[]");
                        break;
                    case "box":
                        Add(name, offset, Box, TypeOfToken(token).Name);
                        break;
                    case "ldstr":
                        Add(name, offset, StringLiteral, "\"" + _md.GetUserString(MetadataTokens.UserStringHandle(token & 0xFFFFFF)) + "\"");
                        break;
                }

                if (opName is "call" or "callvirt" or "newobj" or "ldftn" or "ldvirtftn")
                {
                    EntityHandle target = MetadataTokens.EntityHandle(token);
                    if (target.Kind == HandleKind.MethodDefinition)
                    {
                        var def = (MethodDefinitionHandle)target;
                        callees.Add(def);
                        if (opName is "callvirt" or "ldvirtftn")
                        {
                            callees.AddRange(Overrides(def));
                        }
                    }
                    else if (opName is "call" or "callvirt")
                    {
                        ExternalCall(name, offset, target);
                    }
                }
            }

            return callees;
        }

        /// <summary>A call leaving the assembly: a struct it returns is a new heap object, and so is a string it builds.</summary>
        private void ExternalCall(string method, int offset, EntityHandle target)
        {
            if (target.Kind != HandleKind.MemberReference)
            {
                return;
            }

            MemberReference member = _md.GetMemberReference((MemberReferenceHandle)target);
            MethodSignature<TypeInfo> sig = member.DecodeMethodSignature(this, null);
            string callee = MethodNameOfToken(MetadataTokens.GetToken(target));
            if (sig.ReturnType.Name == "System.String" || callee.StartsWith("System.Text.StringBuilder.", StringComparison.Ordinal))
            {
                Add(method, offset, StringBuilding, callee);
            }
            else if (sig.ReturnType.IsStruct)
            {
                Add(method, offset, StructReturn, $"{callee} returns {sig.ReturnType.Name}");
            }
        }

        /// <summary>Every method of this assembly that a virtual call to <paramref name="h"/> may land in.</summary>
        private IEnumerable<MethodDefinitionHandle> Overrides(MethodDefinitionHandle h)
        {
            MethodDefinition target = _md.GetMethodDefinition(h);
            if ((target.Attributes & System.Reflection.MethodAttributes.Virtual) == 0)
            {
                yield break;
            }

            TypeDefinitionHandle declaring = target.GetDeclaringType();
            string methodName = _md.GetString(target.Name);
            string signature = SignatureText(h);
            foreach (TypeDefinitionHandle th in _md.TypeDefinitions)
            {
                if (th == declaring || !DerivesFrom(th, declaring))
                {
                    continue;
                }

                TypeDefinition type = _md.GetTypeDefinition(th);
                foreach (MethodDefinitionHandle mh in type.GetMethods())
                {
                    MethodDefinition m = _md.GetMethodDefinition(mh);
                    if ((m.Attributes & System.Reflection.MethodAttributes.Virtual) != 0
                        && _md.GetString(m.Name) == methodName && SignatureText(mh) == signature)
                    {
                        yield return mh;
                    }
                }

                // Explicit interface implementations carry another name; the MethodImpl table ties them.
                foreach (MethodImplementationHandle ih in type.GetMethodImplementations())
                {
                    MethodImplementation impl = _md.GetMethodImplementation(ih);
                    if (impl.MethodDeclaration.Kind == HandleKind.MethodDefinition
                        && (MethodDefinitionHandle)impl.MethodDeclaration == h
                        && impl.MethodBody.Kind == HandleKind.MethodDefinition)
                    {
                        yield return (MethodDefinitionHandle)impl.MethodBody;
                    }
                }
            }
        }

        /// <summary>True when <paramref name="type"/> extends or implements <paramref name="ancestor"/>, directly or not.</summary>
        private bool DerivesFrom(TypeDefinitionHandle type, TypeDefinitionHandle ancestor)
        {
            TypeDefinition t = _md.GetTypeDefinition(type);
            foreach (InterfaceImplementationHandle ih in t.GetInterfaceImplementations())
            {
                EntityHandle itf = _md.GetInterfaceImplementation(ih).Interface;
                if (itf.Kind == HandleKind.TypeDefinition
                    && ((TypeDefinitionHandle)itf == ancestor || DerivesFrom((TypeDefinitionHandle)itf, ancestor)))
                {
                    return true;
                }
            }

            return !t.BaseType.IsNil && t.BaseType.Kind == HandleKind.TypeDefinition
                && ((TypeDefinitionHandle)t.BaseType == ancestor || DerivesFrom((TypeDefinitionHandle)t.BaseType, ancestor));
        }

        private string SignatureText(MethodDefinitionHandle h)
        {
            MethodSignature<TypeInfo> sig = _md.GetMethodDefinition(h).DecodeSignature(this, null);
            return sig.ReturnType.Name + "(" + string.Join(",", sig.ParameterTypes.Select(p => p.Name)) + ")";
        }

        private void Add(string method, int offset, string kind, string detail) =>
            _sites.Add(new AllocationSite(method, offset, kind, detail));

        /// <summary>The variable index of ldloc.0..3 and ldarg.0..3; -1 for any other instruction without an operand.</summary>
        private static int ShortFormIndex(short value) => value switch
        {
            >= 0x02 and <= 0x05 => value - 0x02, // ldarg.0..3
            >= 0x06 and <= 0x09 => value - 0x06, // ldloc.0..3
            _ => -1,
        };

        private TypeInfo FieldType(int token)
        {
            EntityHandle h = MetadataTokens.EntityHandle(token);
            return h.Kind == HandleKind.FieldDefinition
                ? _md.GetFieldDefinition((FieldDefinitionHandle)h).DecodeSignature(this, null)
                : _md.GetMemberReference((MemberReferenceHandle)h).DecodeFieldSignature(this, null);
        }

        private string FieldName(int token)
        {
            EntityHandle h = MetadataTokens.EntityHandle(token);
            if (h.Kind == HandleKind.FieldDefinition)
            {
                FieldDefinition f = _md.GetFieldDefinition((FieldDefinitionHandle)h);
                return TypeName(f.GetDeclaringType()) + "." + _md.GetString(f.Name);
            }

            MemberReference r = _md.GetMemberReference((MemberReferenceHandle)h);
            return ParentName(r.Parent) + "." + _md.GetString(r.Name);
        }

        private TypeInfo TypeOfToken(int token)
        {
            EntityHandle h = MetadataTokens.EntityHandle(token);
            return h.Kind switch
            {
                HandleKind.TypeDefinition => GetTypeFromDefinition(_md, (TypeDefinitionHandle)h, 0),
                HandleKind.TypeReference => GetTypeFromReference(_md, (TypeReferenceHandle)h, 0),
                HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)h).DecodeSignature(this, null),
                _ => new TypeInfo(h.Kind.ToString(), Shape.Reference),
            };
        }

        private string MethodNameOfToken(int token)
        {
            EntityHandle h = MetadataTokens.EntityHandle(token);
            if (h.Kind == HandleKind.MethodDefinition)
            {
                return DisplayName((MethodDefinitionHandle)h);
            }

            if (h.Kind == HandleKind.MemberReference)
            {
                MemberReference r = _md.GetMemberReference((MemberReferenceHandle)h);
                return ParentName(r.Parent) + "." + _md.GetString(r.Name);
            }

            return h.Kind.ToString();
        }

        private string ParentName(EntityHandle parent) => parent.Kind switch
        {
            HandleKind.TypeDefinition => TypeName((TypeDefinitionHandle)parent),
            HandleKind.TypeReference => TypeName(_md, (TypeReferenceHandle)parent),
            HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(this, null).Name,
            _ => parent.Kind.ToString(),
        };

        private string MethodName(MethodDefinitionHandle h)
        {
            MethodDefinition m = _md.GetMethodDefinition(h);
            return TypeName(m.GetDeclaringType()) + "." + _md.GetString(m.Name);
        }

        /// <summary>The method's name, with its parameter types when its type has overloads of that name.</summary>
        private string DisplayName(MethodDefinitionHandle h)
        {
            MethodDefinition m = _md.GetMethodDefinition(h);
            string plain = MethodName(h);
            StringHandle name = m.Name;
            bool overloaded = _md.GetTypeDefinition(m.GetDeclaringType()).GetMethods()
                .Count(o => _md.StringComparer.Equals(_md.GetMethodDefinition(o).Name, _md.GetString(name))) > 1;
            if (!overloaded)
            {
                return plain;
            }

            MethodSignature<TypeInfo> sig = m.DecodeSignature(this, null);
            return plain + "(" + string.Join(",", sig.ParameterTypes.Select(p => p.Name.Substring(p.Name.LastIndexOf('.') + 1))) + ")";
        }

        private string TypeName(TypeDefinitionHandle h) => TypeName(_md, h);

        private static string TypeName(MetadataReader md, TypeDefinitionHandle h)
        {
            TypeDefinition t = md.GetTypeDefinition(h);
            string name = md.GetString(t.Name);
            TypeDefinitionHandle outer = t.GetDeclaringType();
            if (!outer.IsNil)
            {
                return TypeName(md, outer) + "/" + name;
            }

            string ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        private static string TypeName(MetadataReader md, TypeReferenceHandle h)
        {
            TypeReference t = md.GetTypeReference(h);
            string name = md.GetString(t.Name);
            if (t.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return TypeName(md, (TypeReferenceHandle)t.ResolutionScope) + "/" + name;
            }

            string ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>True when the type derives from System.Enum: nanoCLR keeps it as its underlying primitive.</summary>
        private static bool IsEnum(MetadataReader md, TypeDefinition t)
        {
            EntityHandle b = t.BaseType;
            return !b.IsNil && b.Kind == HandleKind.TypeReference && TypeName(md, (TypeReferenceHandle)b) == "System.Enum"
                || !b.IsNil && b.Kind == HandleKind.TypeDefinition && TypeName(md, (TypeDefinitionHandle)b) == "System.Enum";
        }

        /// <summary>
        /// Value types nanoCLR keeps in the slot although the metadata calls them structs: the
        /// primitives and the two types with a data type of their own (DATATYPE_DATETIME, DATATYPE_TIMESPAN).
        /// </summary>
        private static readonly HashSet<string> SlotValueTypes = new()
        {
            "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16",
            "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
            "System.IntPtr", "System.UIntPtr", "System.DateTime", "System.TimeSpan",
        };

        public TypeInfo GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            TypeDefinition t = reader.GetTypeDefinition(handle);
            string name = TypeName(reader, handle);
            bool valueType = rawTypeKind == (byte)SignatureTypeKind.ValueType || IsValueTypeDefinition(reader, t);
            if (!valueType)
            {
                return new TypeInfo(name, Shape.Reference);
            }

            return new TypeInfo(name, IsEnum(reader, t) || SlotValueTypes.Contains(name) ? Shape.Primitive : Shape.Struct);
        }

        private static bool IsValueTypeDefinition(MetadataReader md, TypeDefinition t)
        {
            EntityHandle b = t.BaseType;
            string baseName = b.IsNil ? "" : b.Kind == HandleKind.TypeReference ? TypeName(md, (TypeReferenceHandle)b)
                : b.Kind == HandleKind.TypeDefinition ? TypeName(md, (TypeDefinitionHandle)b) : "";
            return baseName is "System.ValueType" or "System.Enum";
        }

        public TypeInfo GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            string name = TypeName(reader, handle);
            if (SlotValueTypes.Contains(name))
            {
                return new TypeInfo(name, Shape.Primitive);
            }

            bool? external = ExternalValueType(name);
            bool valueType = rawTypeKind == (byte)SignatureTypeKind.ValueType || external.HasValue;
            if (!valueType)
            {
                return new TypeInfo(name, Shape.Reference);
            }

            // An unresolved value type counts as a struct: better a false site than a missed one.
            return new TypeInfo(name, external == true ? Shape.Primitive : Shape.Struct);
        }

        /// <summary>null when <paramref name="name"/> is no value type in the references; else whether it is an enum.</summary>
        private bool? ExternalValueType(string name)
        {
            if (_externalIsEnum.TryGetValue(name, out bool known))
            {
                return known;
            }

            foreach (MetadataReader md in _refs)
            {
                foreach (TypeDefinitionHandle h in md.TypeDefinitions)
                {
                    if (TypeName(md, h) != name)
                    {
                        continue;
                    }

                    TypeDefinition t = md.GetTypeDefinition(h);
                    if (!IsValueTypeDefinition(md, t))
                    {
                        return null;
                    }

                    _externalIsEnum[name] = IsEnum(md, t);
                    return _externalIsEnum[name];
                }
            }

            return null;
        }

        public TypeInfo GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.String => new TypeInfo("System.String", Shape.Reference),
            PrimitiveTypeCode.Object => new TypeInfo("System.Object", Shape.Reference),
            PrimitiveTypeCode.TypedReference => new TypeInfo("System.TypedReference", Shape.Struct),
            _ => new TypeInfo(typeCode.ToString().ToLowerInvariant(), Shape.Primitive),
        };

        public TypeInfo GetSZArrayType(TypeInfo elementType) => new(elementType.Name + "[]", Shape.Reference);

        public TypeInfo GetArrayType(TypeInfo elementType, ArrayShape shape) => new(elementType.Name + "[,]", Shape.Reference);

        public TypeInfo GetByReferenceType(TypeInfo elementType) => new(elementType.Name + "&", Shape.ByRef);

        public TypeInfo GetPointerType(TypeInfo elementType) => new(elementType.Name + "*", Shape.Reference);

        public TypeInfo GetPinnedType(TypeInfo elementType) => elementType;

        public TypeInfo GetModifiedType(TypeInfo modifier, TypeInfo unmodifiedType, bool isRequired) => unmodifiedType;

        public TypeInfo GetFunctionPointerType(MethodSignature<TypeInfo> signature) => new("method*", Shape.Reference);

        public TypeInfo GetGenericInstantiation(TypeInfo genericType, ImmutableArray<TypeInfo> typeArguments) =>
            new($"{genericType.Name}<{string.Join(",", typeArguments.Select(a => a.Name))}>", genericType.Shape);

        public TypeInfo GetGenericMethodParameter(object genericContext, int index) => new("!!" + index, Shape.Struct);

        public TypeInfo GetGenericTypeParameter(object genericContext, int index) => new("!" + index, Shape.Struct);

        public TypeInfo GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
