"""yamltext"""
